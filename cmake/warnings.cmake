# Warnings, sanitizers and fuzzing flags for every target of the project.
add_library(retro_flags INTERFACE)
target_compile_options(retro_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wno-missing-field-initializers)
if(RETRO_WERROR)
  target_compile_options(retro_flags INTERFACE -Werror)
endif()
if(RETRO_SANITIZE)
  target_compile_options(retro_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                               -fno-sanitize-recover=undefined)
  target_link_options(retro_flags INTERFACE -fsanitize=address,undefined)
endif()
if(RETRO_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "RETRO_FUZZ needs clang (CXX=clang++-14)")
  endif()
  target_compile_options(retro_flags INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                                               -fno-sanitize-recover=undefined)
  target_link_options(retro_flags INTERFACE -fsanitize=address,undefined)
endif()
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # g++ 12 at -O2 reports false dangling-pointer and maybe-uninitialized warnings inside simdjson.h when its
  # simdjson_result temporaries are iterated, and false array-bounds/stringop/restrict warnings inside
  # libstdc++'s std::string; the code is correct (clang, the sanitizers and -O0 builds are silent).
  target_compile_options(retro_flags INTERFACE -Wno-dangling-pointer -Wno-maybe-uninitialized -Wno-array-bounds
                                               -Wno-stringop-overflow -Wno-stringop-overread -Wno-restrict)
endif()
