# add_tool_test(NAME <test> TARGET <executable>
#               [ARGS <arg>...] [INPUT <file>] [STATUS <n>]
#               [EXPECTED <file>] [CONTAINS <text>] [LAST_LINE <text>] [ERROR <text>])
#
# A CTest test that runs one of the project's command-line programs and checks
# what a user would see: the exit status is STATUS (default 0), stdout equals
# the EXPECTED file, stdout contains CONTAINS, the last line of stdout is
# LAST_LINE, stderr contains ERROR, and a
# usage error (status 2) is explained on stderr. INPUT is fed on stdin
# (nothing otherwise). In a cross build the program runs through
# CMAKE_CROSSCOMPILING_EMULATOR (Wine), and its CRLF line ends read as LF.
set(GAME_RUN_TOOL_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/RunToolTest.cmake)

function(add_tool_test)
  cmake_parse_arguments(T "" "NAME;TARGET;INPUT;STATUS;EXPECTED;CONTAINS;LAST_LINE;ERROR" "ARGS" ${ARGN})
  # Each definition is one quoted argument, so ARGS stays one list.
  add_test(NAME ${T_NAME}
           COMMAND ${CMAKE_COMMAND} "-DPROGRAM=$<TARGET_FILE:${T_TARGET}>"
                   "-DEMULATOR=${CMAKE_CROSSCOMPILING_EMULATOR}" "-DARGS=${T_ARGS}" "-DINPUT=${T_INPUT}"
                   "-DSTATUS=${T_STATUS}" "-DEXPECTED=${T_EXPECTED}" "-DCONTAINS=${T_CONTAINS}" "-DLAST_LINE=${T_LAST_LINE}"
                   "-DERROR=${T_ERROR}"
                   -P ${GAME_RUN_TOOL_SCRIPT})
endfunction()
