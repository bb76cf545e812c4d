#include "game_client/app/start_mode.h"

#include <algorithm>
#include <cassert>
#include <iostream>
#include <utility>
#include <variant>

#include "game_client/app/lobby_mode.h"
#include "game_client/app/replay_mode.h"
#include "game_client/app/words.h"
#include "game_client/core/game_choice.h"
#include "game_client/core/record_list.h"
#include "game_client/core/server_address.h"
#include "game_client/core/user_config.h"
#include "shared/protocol/packets.h"

namespace client {

namespace {

// A log folder of a busy server holds thousands of records; the newest are
// the ones looked for, and each card reads its file's first line.
constexpr std::size_t kRecordsShown = 500;
constexpr std::size_t kAddressBytes = 300;  // a host name is at most 253 bytes

// Each field's label, and what it says while it is empty.
constexpr std::array<std::pair<const char*, const char*>, 5> kLabels{
    {{"Server", "host:port"},
     {"Name", "your name in the game"},
     {"Private code", "optional: a private match's code"},
     {"Game", "optional: chess, renju, renju soosorv8, freestyle swap2 19..."},
     {"Time", "optional: 5+3 (minutes + seconds a move), none for untimed"}}};
constexpr std::size_t kGameBytes = 64;
constexpr std::size_t kTimeBytes = 24;

// A PGN file's card: its first game's players, event and date, and how many games it holds.
LobbyEntry describePgn(const std::filesystem::path& file) {
  auto start = readPgnStart(file);
  if (const auto* error = std::get_if<record::LoadError>(&start))
    return {utf8(file.filename()), "cannot be read: " + error->describe(), "", "", ""};
  const record::PgnSummary& pgn = std::get<record::PgnSummary>(start);
  const auto tag = [&](std::string_view name) {
    const std::string* value = chess::findTag(pgn.tags, name);
    return value && !value->empty() && *value != "?" ? *value : std::string("—");
  };
  return {tag("White") + " vs " + tag("Black"),
          "Chess · " + tag("Event") + " · " + utf8(file.filename()),
          pgn.count == 1 ? tag("Date") : tag("Date") + " · " + std::to_string(pgn.count) + " games", "", ""};
}

LobbyEntry describeRecord(const std::filesystem::path& file) {
  if (file.extension() == ".pgn") return describePgn(file);
  auto start = readRecordStart(file);
  if (const auto* error = std::get_if<record::LoadError>(&start))
    return {utf8(file.filename()), "cannot be read: " + error->describe(), "", "", ""};
  const record::Record& rec = std::get<record::Record>(start);
  const auto name = [](const std::string& n) { return n.empty() ? std::string("—") : n; };
  return {name(rec.player1) + " vs " + name(rec.player2),
          gameTitle(rec.setup) + " · " + game::describe(rec.timeControl) + " · match " + std::to_string(rec.matchId),
          describeTime(rec.startTime), "", ""};
}

std::string joined(const std::vector<std::filesystem::path>& dirs) {
  std::string out;
  for (std::size_t i = 0; i < dirs.size(); ++i)
    out += (i == 0 ? "" : i + 1 == dirs.size() ? " or " : ", ") + utf8(dirs[i]);
  return out;
}

}  // namespace

StartMode::StartMode(StartOptions options, std::string error)
    : options_(std::move(options)),
      fields_{TextInput(kAddressBytes), TextInput(proto::kNameSize - 1), TextInput(proto::kCodeSize - 1),
              TextInput(kGameBytes), TextInput(kTimeBytes)},
      error_(sentence(std::move(error))) {
  fields_[Address].assign(options_.address);
  fields_[Name].assign(options_.name);
  fields_[Code].assign(options_.code);
  fields_[Game].assign(options_.game);
  fields_[Time].assign(options_.time);
  // The first field still to fill in has the keyboard; the name when both are.
  fields_[fields_[Address].text().empty() ? Address : Name].focus();
  readRecords();
  refresh();
}

void StartMode::readRecords() {
  records_ = listRecords(options_.recordDirs);
  const std::size_t total = records_.size();
  if (total > kRecordsShown) records_.resize(kRecordsShown);
  LobbyModel& list = model_.records;
  list.heading = total > kRecordsShown ? "Replay a record · the newest " + std::to_string(kRecordsShown) + " of " +
                                             std::to_string(total)
                                       : "Replay a record";
  list.empty = "No records in " + joined(options_.recordDirs) +
               " yet: the server writes one for every match it hosts.";
  list.entries.clear();
  for (const auto& file : records_) list.entries.push_back(describeRecord(file));
  picked_ = records_.empty() ? -1 : 0;
  for (std::size_t i = 0; i < records_.size(); ++i)
    if (records_[i] == options_.picked) picked_ = static_cast<int>(i);
}

bool StartMode::gameOptions(LiveOptions& out) {
  std::string why;
  const auto address = parseServerAddress(fields_[Address].text(), why);
  if (!address) {
    error_ = sentence(why);
    focusField(Address);
    return false;
  }
  if (fields_[Name].text().empty()) {
    error_ = "Type your name first.";
    focusField(Name);
    return false;
  }
  out = options_.live;
  if (!parseGameChoice(fields_[Game].text(), out.session, why)) {
    error_ = sentence(why);
    focusField(Game);
    return false;
  }
  if (!parseTimeChoice(fields_[Time].text(), out.session, why)) {
    error_ = sentence(why);
    focusField(Time);
    return false;
  }
  out.host = address->host;
  out.port = address->port;
  out.session.name = fields_[Name].text();
  out.session.matchCode = fields_[Code].text();
  out.back = back();
  return true;
}

void StartMode::remember() const {
  if (options_.configFile.empty()) return;
  std::string error;
  // Not being remembered is no reason not to play: said, and play goes on.
  if (!saveUserConfig(options_.configFile, {fields_[Address].text(), fields_[Name].text()}, error))
    std::cerr << "game_client: " << error << '\n';
}

Back StartMode::back() const {
  StartOptions again = options_;
  again.address = fields_[Address].text();
  again.name = fields_[Name].text();
  again.code = fields_[Code].text();
  again.game = fields_[Game].text();
  again.time = fields_[Time].text();
  again.picked = picked_ >= 0 ? records_[static_cast<std::size_t>(picked_)] : std::filesystem::path();
  return [again](const std::string& error) { return std::make_unique<StartMode>(again, error); };
}

bool StartMode::act(Action action) {
  LiveOptions live;
  switch (action) {
    case Action::Play:
    case Action::Watch:
      if (!gameOptions(live)) break;
      remember();
      live.session.intent = Intent::Play;  // the lobby asks for its list itself
      if (action == Action::Play) next_ = std::make_unique<LiveMode>(live);
      else next_ = std::make_unique<LobbyMode>(live);
      return true;
    case Action::Replay: {
      if (picked_ < 0) return false;
      // --seat 2 turns a replay round, as on the command line.
      const game::Seat viewer =
          options_.live.session.seat == game::Seat::Player2 ? game::Seat::Player2 : game::Seat::Player1;
      next_ = std::make_unique<ReplayMode>(records_[static_cast<std::size_t>(picked_)], viewer, back());
      return true;
    }
    default: return false;
  }
  refresh();
  return true;
}

bool StartMode::focusField(int index) {
  assert(index >= 0 && index < kFields);
  bool changed = false;
  for (int i = 0; i < kFields; ++i) {
    TextInput& field = fields_[static_cast<std::size_t>(i)];
    changed |= i == index ? field.focus() : field.blur();
  }
  if (changed) refresh();
  return changed;
}

TextInput& StartMode::focused() {
  const auto it = std::find_if(fields_.begin(), fields_.end(), [](const TextInput& f) { return f.focused(); });
  assert(it != fields_.end());
  return *it;
}

bool StartMode::key(sf::Keyboard::Key key) {
  switch (key) {
    case sf::Keyboard::Tab: return focusField(static_cast<int>((&focused() - fields_.data() + 1) % kFields));
    case sf::Keyboard::Enter: return act(Action::Play);
    case sf::Keyboard::BackSpace:
      if (!focused().backspace()) return false;
      refresh();
      return true;
    default: return false;
  }
}

bool StartMode::text(char32_t c) {
  if (!focused().type(c)) return false;
  refresh();
  return true;
}

bool StartMode::openEntry(int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= records_.size()) return false;
  // A click picks a record, a second one opens it.
  if (index == picked_) return act(Action::Replay);
  picked_ = index;
  refresh();
  return true;
}

void StartMode::refresh() {
  model_.heading = "Play on a server";
  static_assert(kLabels.size() == kFields);
  model_.fields.resize(kFields);
  for (std::size_t i = 0; i < fields_.size(); ++i)
    model_.fields[i] = {kLabels[i].first, fields_[i].text(), kLabels[i].second, fields_[i].focused()};
  model_.error = error_;
  LobbyModel& list = model_.records;
  list.selected = picked_;
  for (std::size_t i = 0; i < list.entries.size(); ++i)
    list.entries[i].action = static_cast<int>(i) == picked_ ? "Replay" : "";

  panel_.title = "Omok & Chess";
  panel_.subtitle = "Play, watch or replay";
  panel_.showMoves = false;
  panel_.status = "Play (or Enter) joins a game on the server, a private one when you give its code, of the game "
                  "you name (or the server's), with the clock you ask for (or the server's). Watch lists the "
                  "server's matches to join or watch. Replay opens the record picked on the left: a click picks "
                  "one, a second click opens it. Tab moves between the fields.";
  panel_.buttons = {{Action::Play, "Play", true, true},
                    {Action::Watch, "Watch"},
                    {Action::Replay, "Replay", picked_ >= 0}};
  panel_.buttonsPerRow = 3;
}

}  // namespace client
