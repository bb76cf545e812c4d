# game_add_tests(target [gtest_discover_tests options] [PROPERTIES ...]):
# registers a GoogleTest executable's test cases with CTest. Natively that is
# gtest_discover_tests, one CTest test per case, listed after the build.
# Cross-compiled for Windows the tests run under Wine, where every process
# start costs a good fraction of a second: there the executable is one CTest
# test (run through CMAKE_CROSSCOMPILING_EMULATOR) and nothing runs at build
# time.
function(game_add_tests target)
  if(NOT CMAKE_CROSSCOMPILING)
    gtest_discover_tests(${target} ${ARGN})
    return()
  endif()
  cmake_parse_arguments(arg "NO_PRETTY_VALUES" "TEST_PREFIX" "PROPERTIES" ${ARGN})
  add_test(NAME ${target} COMMAND ${target})
  if(arg_PROPERTIES)
    set_tests_properties(${target} PROPERTIES ${arg_PROPERTIES})
  endif()
endfunction()
