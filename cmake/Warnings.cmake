# Project-wide warning flags; -Werror when GAME_WERROR is on (CI turns it on).
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  add_compile_options(-Wall -Wextra -Wpedantic)
  # GCC 12 reports impossible overlaps in inlined std::string concatenation
  # ("m" + std::to_string(i)) at -O2 and above (GCC bug 105329): a false
  # positive, and the sanitizer builds check real overlaps.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    add_compile_options(-Wno-restrict)
  endif()
  if(GAME_WERROR)
    add_compile_options(-Werror)
  endif()
elseif(MSVC)
  add_compile_options(/W4 /permissive-)
  if(GAME_WERROR)
    add_compile_options(/WX)
  endif()
endif()
