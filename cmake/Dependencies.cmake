# Finds the libraries the project uses. Natively they come from Debian's
# packages through their CMake configs. Cross-compiling for Windows, the
# header-only ones (nlohmann/json, CLI11) are taken from the host's headers
# through a folder holding only them (adding all of /usr/include would put
# glibc's headers in front of mingw's), and GoogleTest is built from
# Debian's source package.

find_package(Threads REQUIRED)
if(GAME_BUILD_TESTS)
  enable_testing()
  include(GoogleTest)
endif()

# SFML 2.5.1 from source (cmake/SFML.cmake) is the cross build's; a native
# build takes the system's SFML 2 unless told otherwise (a system with SFML 3).
if(CMAKE_CROSSCOMPILING)
  set(_sfml_from_source ON)
else()
  set(_sfml_from_source OFF)
endif()
option(GAME_SFML_FROM_SOURCE "Build SFML 2.5.1 from source instead of finding the system's" ${_sfml_from_source})
if(GAME_BUILD_CLIENT AND GAME_SFML_FROM_SOURCE)
  include(cmake/SFML.cmake)
endif()

if(NOT CMAKE_CROSSCOMPILING)
  find_package(nlohmann_json 3 REQUIRED)
  find_package(CLI11 REQUIRED)
  if(GAME_BUILD_CLIENT AND NOT GAME_SFML_FROM_SOURCE)
    find_package(SFML 2.5 COMPONENTS graphics window system network REQUIRED)
  endif()
  if(GAME_BUILD_TESTS)
    find_package(GTest REQUIRED)
  endif()
  return()
endif()

set(GAME_HOST_INCLUDE /usr/include CACHE PATH "Host folder holding nlohmann/ and CLI/ headers")
set(_headers ${CMAKE_BINARY_DIR}/host-headers)
foreach(lib nlohmann CLI)
  if(NOT EXISTS ${GAME_HOST_INCLUDE}/${lib})
    message(FATAL_ERROR "missing ${GAME_HOST_INCLUDE}/${lib}: install nlohmann-json3-dev and libcli11-dev")
  endif()
  file(MAKE_DIRECTORY ${_headers})
  file(CREATE_LINK ${GAME_HOST_INCLUDE}/${lib} ${_headers}/${lib} SYMBOLIC)
endforeach()

add_library(nlohmann_json INTERFACE)
target_include_directories(nlohmann_json SYSTEM INTERFACE ${_headers})
add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
add_library(CLI11 INTERFACE)
target_include_directories(CLI11 SYSTEM INTERFACE ${_headers})
add_library(CLI11::CLI11 ALIAS CLI11)


if(GAME_BUILD_TESTS)
  set(GAME_GTEST_SOURCE /usr/src/googletest CACHE PATH "GoogleTest sources (Debian's googletest package)")
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
  # Defines GTest::gtest and GTest::gtest_main as the installed package does.
  add_subdirectory(${GAME_GTEST_SOURCE} ${CMAKE_BINARY_DIR}/googletest EXCLUDE_FROM_ALL SYSTEM)
endif()
