# SFML for the Windows build, from source: the 2.5.1 tag (the version Debian
# ships, so both builds use one API), built statically with FetchContent as
# SFML's own project template does, with the FreeType that SFML's source
# ships for mingw. Only the modules the client uses are built.
#
# Where the source comes from, first match wins:
#   - FETCHCONTENT_SOURCE_DIR_SFML: an unpacked source tree (CMake's own override);
#   - GAME_SFML_ARCHIVE: a `git archive` of the tag, checked against its SHA-256;
#     by default the vendored ../shared/vendor/SFML-2.5.1.tar.gz beside the
#     checkout, if there is one, for machines without internet;
#   - otherwise the tag is fetched from SFML's repository.
include(FetchContent)

set(_sfml_vendored ${PROJECT_SOURCE_DIR}/../shared/vendor/SFML-2.5.1.tar.gz)
if(EXISTS ${_sfml_vendored})
  cmake_path(NORMAL_PATH _sfml_vendored)
else()
  set(_sfml_vendored "")
endif()
set(GAME_SFML_ARCHIVE "${_sfml_vendored}" CACHE FILEPATH
    "SFML 2.5.1 source archive (git archive of the tag); empty: fetch the tag from SFML's repository")

if(GAME_SFML_ARCHIVE)
  FetchContent_Declare(SFML
    URL ${GAME_SFML_ARCHIVE}
    URL_HASH SHA256=564e045ae184df9661584b0e6ff304a5c950b2d8cc6f217623f73422b244a756)
else()
  FetchContent_Declare(SFML
    GIT_REPOSITORY https://github.com/SFML/SFML.git
    GIT_TAG 2.5.1
    GIT_SHALLOW ON)
endif()

set(BUILD_SHARED_LIBS OFF CACHE BOOL "" FORCE)
set(SFML_BUILD_AUDIO OFF CACHE BOOL "" FORCE)
set(SFML_BUILD_EXAMPLES OFF CACHE BOOL "" FORCE)
set(SFML_BUILD_DOC OFF CACHE BOOL "" FORCE)
# The static runtime, as the project's own executables use (mingw-w64.cmake).
set(SFML_USE_STATIC_STD_LIBS ON CACHE BOOL "" FORCE)
set(SFML_INSTALL_PKGCONFIG_FILES OFF CACHE BOOL "" FORCE)
FetchContent_GetProperties(SFML)
if(NOT sfml_POPULATED)
  FetchContent_Populate(SFML)
  # SFML is a dependency, built as its own project says: without the
  # project's warning flags (its warnings are not ours to fix) and Windows
  # definitions (WIN32_LEAN_AND_MEAN hides the multimedia timer it uses).
  # Cross-compiling, its bundled FreeType lies outside the mingw root that
  # the toolchain confines the find commands to, so it is named directly.
  get_directory_property(_options COMPILE_OPTIONS)
  get_directory_property(_definitions COMPILE_DEFINITIONS)
  set_directory_properties(PROPERTIES COMPILE_OPTIONS "" COMPILE_DEFINITIONS "")
  if(MINGW AND CMAKE_CROSSCOMPILING)
    set(_extlibs ${sfml_SOURCE_DIR}/extlibs)
    set(FREETYPE_LIBRARY ${_extlibs}/libs-mingw/x64/libfreetype.a CACHE FILEPATH "" FORCE)
    set(FREETYPE_INCLUDE_DIR_ft2build ${_extlibs}/headers/freetype2 CACHE PATH "" FORCE)
    set(FREETYPE_INCLUDE_DIR_freetype2 ${_extlibs}/headers/freetype2 CACHE PATH "" FORCE)
  endif()
  add_subdirectory(${sfml_SOURCE_DIR} ${sfml_BINARY_DIR} EXCLUDE_FROM_ALL SYSTEM)
  set_directory_properties(PROPERTIES COMPILE_OPTIONS "${_options}" COMPILE_DEFINITIONS "${_definitions}")
endif()
