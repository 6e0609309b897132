# SPDX-FileCopyrightText: 2026 The Stocktake authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# stocktake_add_test(<name> SOURCES <files…> [LIBS <targets…>] [LABELS unit|integration|gui|peer …]
#                    [TIMEOUT <seconds>] [ENVIRONMENT <VAR=value …>] [XVFB])
#
# Makes one QtTest executable per unit, links it with the test-support library, and registers
# it with CTest. Tests run on the offscreen platform unless XVFB is given (the screenshot test),
# with a throwaway STOCKTAKE_HOME so no test ever touches a real profile.
function(stocktake_add_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "XVFB" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT")
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "stocktake_add_test(${name}): SOURCES is required")
  endif()
  if(NOT arg_LABELS)
    set(arg_LABELS unit)
  endif()
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 300)
  endif()
  add_executable(${name} ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE stocktake_options stocktake_testsupport Qt6::Test ${arg_LIBS})
  add_test(NAME ${name} COMMAND ${name})
  set(env
    "STOCKTAKE_BUILD_DIR=${PROJECT_BINARY_DIR}"
    "STOCKTAKE_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
    "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1"
    "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
    # Keep the test's own LSan noise of third-party libraries out (see tests/lsan.supp).
    "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
  if(NOT arg_XVFB)
    list(APPEND env "QT_QPA_PLATFORM=offscreen")
  endif()
  list(APPEND env ${arg_ENVIRONMENT})
  set_tests_properties(${name} PROPERTIES
    LABELS "${arg_LABELS}"
    TIMEOUT ${arg_TIMEOUT}
    ENVIRONMENT "${env}")
endfunction()
