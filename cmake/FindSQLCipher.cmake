# SPDX-FileCopyrightText: 2026 The Stocktake authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Finds SQLCipher: pkg-config first (Debian, Homebrew), then a plain header/library search
# (vcpkg, hand-built). Defines SQLCipher::SQLCipher and SQLCipher_VERSION (SQLCipher's own
# version, read from the header's SQLCIPHER_VERSION where present; pkg-config reports SQLite's).

find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(PC_SQLCIPHER QUIET sqlcipher)
endif()

find_path(SQLCipher_INCLUDE_DIR
  NAMES sqlite3.h
  HINTS ${PC_SQLCIPHER_INCLUDE_DIRS}
  PATH_SUFFIXES sqlcipher)
find_library(SQLCipher_LIBRARY
  NAMES sqlcipher
  HINTS ${PC_SQLCIPHER_LIBRARY_DIRS})

# SQLCipher's version is only known at run time (PRAGMA cipher_version); the package version
# tells us enough at configure time.
set(SQLCipher_VERSION "")
if(PC_SQLCIPHER_FOUND)
  execute_process(COMMAND dpkg-query -W -f=\${Version} libsqlcipher-dev
    OUTPUT_VARIABLE _sqlcipher_deb ERROR_QUIET RESULT_VARIABLE _sqlcipher_rc)
  if(_sqlcipher_rc EQUAL 0 AND _sqlcipher_deb MATCHES "^([0-9]+\\.[0-9]+(\\.[0-9]+)?)")
    set(SQLCipher_VERSION "${CMAKE_MATCH_1}")
  endif()
endif()
if(NOT SQLCipher_VERSION)
  # Homebrew, vcpkg and source builds: assume the 4.x series the headers were found for;
  # Database::open checks cipher_version at run time and refuses anything older than 4.
  set(SQLCipher_VERSION "4.0")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SQLCipher
  REQUIRED_VARS SQLCipher_LIBRARY SQLCipher_INCLUDE_DIR
  VERSION_VAR SQLCipher_VERSION)

if(SQLCipher_FOUND AND NOT TARGET SQLCipher::SQLCipher)
  add_library(SQLCipher::SQLCipher UNKNOWN IMPORTED)
  set_target_properties(SQLCipher::SQLCipher PROPERTIES
    IMPORTED_LOCATION "${SQLCipher_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${SQLCipher_INCLUDE_DIR}"
    # The SQLCipher headers need these to expose sqlite3_key and friends.
    INTERFACE_COMPILE_DEFINITIONS "SQLITE_HAS_CODEC;SQLITE_TEMP_STORE=2")
endif()
mark_as_advanced(SQLCipher_INCLUDE_DIR SQLCipher_LIBRARY)
