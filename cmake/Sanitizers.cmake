# Sanitizer and fuzzing builds (scripts/test-sanitizers, scripts/fuzz).
#
# GAME_SANITIZE is a -fsanitize= list applied to every target of the build:
# "address,undefined" or "thread" (the two cannot share a process). Any
# report is fatal (-fno-sanitize-recover) so a test that provokes one fails.
# GAME_FUZZ (clang only) adds libFuzzer's coverage instrumentation to every
# target and builds the fuzz targets of tests/fuzz.
set(GAME_SANITIZE "" CACHE STRING "Sanitizers for every target: empty, address,undefined or thread")
option(GAME_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only)" OFF)

if(GAME_SANITIZE)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "GAME_SANITIZE needs GCC or Clang")
  endif()
  add_compile_options(-fsanitize=${GAME_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${GAME_SANITIZE})
endif()

if(GAME_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "GAME_FUZZ needs Clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  # The chess engine builds its line tables at compile time, beyond clang's
  # default budget of constexpr evaluation steps (GCC's is larger).
  add_compile_options(-fsanitize=fuzzer-no-link -fconstexpr-steps=100000000)
endif()
