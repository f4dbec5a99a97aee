# Every dependency comes from a Debian 12 package (scripts/install-deps.sh); nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(fmt REQUIRED)                 # libfmt-dev
find_package(simdjson REQUIRED)            # libsimdjson-dev
find_package(CLI11 REQUIRED)               # libcli11-dev
find_package(nlohmann_json REQUIRED)       # nlohmann-json3-dev
find_package(tomlplusplus REQUIRED)        # libtomlplusplus-dev
find_package(ZLIB REQUIRED)                # zlib1g-dev
find_package(LibArchive REQUIRED)          # libarchive-dev
find_package(yaml-cpp REQUIRED)            # libyaml-cpp-dev
# libzip-dev: its CMake package needs the zipcmp tools installed, so use pkg-config.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(LIBDEFLATE REQUIRED IMPORTED_TARGET libdeflate)  # libdeflate-dev: ZIP entries inflated whole

# xxHash (libxxhash-dev), used header-only, inlined into core/text_hash.cpp: the hash of ids and other short texts.
find_path(XXHASH_INCLUDE_DIR xxhash.h REQUIRED)
add_library(retro_xxhash INTERFACE)
target_include_directories(retro_xxhash SYSTEM INTERFACE ${XXHASH_INCLUDE_DIR})

# Howard Hinnant's date with the tz library built against the system tz database (libhowardhinnant-date-dev).
find_path(DATE_INCLUDE_DIR date/tz.h REQUIRED)
find_library(DATE_TZ_LIBRARY NAMES date-tz REQUIRED)
add_library(retro_date_tz INTERFACE)
target_include_directories(retro_date_tz SYSTEM INTERFACE ${DATE_INCLUDE_DIR})
target_link_libraries(retro_date_tz INTERFACE ${DATE_TZ_LIBRARY})
target_compile_definitions(retro_date_tz INTERFACE USE_OS_TZDB=1 HAS_REMOTE_API=0)

pkg_check_modules(GMIME REQUIRED IMPORTED_TARGET gmime-3.0)        # libgmime-3.0-dev
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)       # libgit2-dev
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm)  # libcmark-gfm-dev
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)            # libgumbo-dev: Teams message bodies (HTML)
pkg_check_modules(LIBGSF REQUIRED IMPORTED_TARGET libgsf-1)      # libgsf-1-dev: Outlook .msg (OLE2)
# The extensions library ships no pkg-config file of its own (libcmark-gfm-extensions-dev).
find_library(CMARK_GFM_EXTENSIONS_LIBRARY NAMES cmark-gfm-extensions REQUIRED)

# mimalloc (libmimalloc-dev) replaces glibc's malloc in the retro binary: every event is a handful of heap
# strings made on one reading thread and freed on another, and glibc's malloc/free (free-list
# consolidation, cross-thread frees) was a fifth of the ingest profile. Not under sanitizers or fuzzers,
# which bring their own allocator.
if(RETRO_MIMALLOC AND NOT RETRO_SANITIZE AND NOT RETRO_FUZZ)
  find_package(mimalloc 2 REQUIRED)
  set(RETRO_LINK_MIMALLOC ON)
endif()

if(RETRO_TESTS)
  find_package(Catch2 2 REQUIRED)          # catch2
endif()
