#include "shared/omok/rules.h"

namespace omok {

std::optional<RuleSet> ruleSetNamed(std::string_view name) {
  if (name == "freestyle") return freestyleRules();
  if (name == "standard") return standardRules();
  if (name == "renju") return renjuRules();
  if (name == "omok") return omokRules();
  return std::nullopt;
}

}  // namespace omok
