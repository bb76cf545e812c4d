# Where `cmake --install` puts things, and the packages CPack makes of them
# (scripts/package):
#   Windows: one folder, as the .zip unpacks: the programs, resources/ beside
#            them (where the client looks first), README.txt and docs/;
#   elsewhere: the usual tree, as the .tar.gz and the .deb hold it: bin/,
#            share/board_games/resources/, share/doc/board_games/.
# The client finds its resources relative to its own executable
# (game_client/ui/resources.h), never by a path of the source tree.
#
# game_install_dirs() is called before the targets exist, so the client can
# be told where its resources lie; game_install_package() after.
include(GNUInstallDirs)

macro(game_install_dirs)
  if(WIN32)
    set(GAME_INSTALL_BINDIR .)
    set(GAME_INSTALL_RESOURCEDIR resources)
    set(GAME_INSTALL_DOCDIR docs)
  else()
    set(GAME_INSTALL_BINDIR ${CMAKE_INSTALL_BINDIR})
    set(GAME_INSTALL_RESOURCEDIR ${CMAKE_INSTALL_DATADIR}/board_games/resources)
    set(GAME_INSTALL_DOCDIR ${CMAKE_INSTALL_DOCDIR})
  endif()
  # The resources seen from the programs' folder, once installed.
  cmake_path(RELATIVE_PATH GAME_INSTALL_RESOURCEDIR BASE_DIRECTORY ${GAME_INSTALL_BINDIR}
             OUTPUT_VARIABLE GAME_RESOURCES_FROM_BIN)
endmacro()

# Everything of the project's is in the component "game"; the packages hold
# only it, and not what a dependency built from source installs (SFML's
# headers and static libraries in the Windows build):
#   cmake --install BUILD [--component game]
function(game_install_package)
  set(programs game_server game_bot game_replay omok_cli chess_perft)
  foreach(optional game_client game_loadgen)
    if(TARGET ${optional})
      list(APPEND programs ${optional})
    endif()
  endforeach()
  install(TARGETS ${programs} RUNTIME DESTINATION ${GAME_INSTALL_BINDIR} COMPONENT game)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/ DESTINATION ${GAME_INSTALL_RESOURCEDIR} COMPONENT game)
  install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${GAME_INSTALL_DOCDIR} COMPONENT game)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${GAME_INSTALL_DOCDIR} COMPONENT game
          FILES_MATCHING PATTERN "*.md" PATTERN windows EXCLUDE)
  if(WIN32)
    # With Windows line ends, for Notepad.
    configure_file(${PROJECT_SOURCE_DIR}/docs/windows/README.txt ${CMAKE_BINARY_DIR}/README.txt @ONLY
                   NEWLINE_STYLE CRLF)
    install(FILES ${CMAKE_BINARY_DIR}/README.txt DESTINATION . COMPONENT game)
  endif()

  set(CPACK_PACKAGE_NAME board-games)
  set(CPACK_PACKAGE_VENDOR "board_games")
  set(CPACK_PACKAGE_CONTACT "board_games developers")
  set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Omok (gomoku, renju) and chess: a match server, an SFML client, a bot and tools")
  set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
  set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
  set(CPACK_STRIP_FILES ON)
  set(CPACK_COMPONENTS_ALL game)
  if(WIN32)
    set(CPACK_GENERATOR ZIP)
    set(CPACK_SYSTEM_NAME windows-x64)
  else()
    set(CPACK_GENERATOR TGZ DEB)
    set(CPACK_SYSTEM_NAME linux-${CMAKE_SYSTEM_PROCESSOR})
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION games)
    # The shared libraries' packages (SFML, liburing, the C++ runtime), as dpkg-shlibdeps finds them.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  endif()
  include(CPack)
endfunction()
