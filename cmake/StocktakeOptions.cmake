# SPDX-FileCopyrightText: 2026 The Stocktake authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# stocktake_options: the one INTERFACE target every Stocktake target links. It carries the
# language level, warnings, hardening flags and Qt's strictness defines.

add_library(stocktake_options INTERFACE)
target_compile_features(stocktake_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(stocktake_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_FOREACH
  QT_NO_KEYWORDS
  QT_USE_QSTRINGBUILDER
  # QT_DISABLE_DEPRECATED_UP_TO arrived in Qt 6.5; 6.4 reads the older spelling.
  QT_DISABLE_DEPRECATED_BEFORE=0x060400)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(stocktake_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wformat=2 -Wimplicit-fallthrough
    # Hardening (SECURITY.md B9): stack protector and fortified libc calls.
    -fstack-protector-strong
    $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
  target_link_options(stocktake_options INTERFACE
    -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)
  if(STOCKTAKE_WARNINGS_AS_ERRORS)
    target_compile_options(stocktake_options INTERFACE -Werror)
  endif()
  if(STOCKTAKE_SANITIZE)
    target_compile_options(stocktake_options INTERFACE
      -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(stocktake_options INTERFACE -fsanitize=address,undefined)
  endif()
elseif(MSVC)
  target_compile_options(stocktake_options INTERFACE /W4 /permissive- /utf-8
    $<$<BOOL:${STOCKTAKE_WARNINGS_AS_ERRORS}>:/WX>)
endif()

set(CMAKE_POSITION_INDEPENDENT_CODE ON)
include(CheckPIESupported)
check_pie_supported()
