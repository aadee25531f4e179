# Project-wide build rules: warnings and sanitizers in one place, and the helpers that make
# adding a library, a collector or a test one line.

set(ZT_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
set(ZT_SANITIZER_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
# The test files themselves are compiled with ASan only: UBSan's checks are for the code under
# test (every library has both), and they cost a third of a test file's compile time.
set(ZT_TEST_SANITIZER_FLAGS -fsanitize=address -fno-omit-frame-pointer)
# A sanitized build keeps its disk footprint small enough for a CI machine with little free
# space (full -g made it 9.2 GB): line tables only (-g1, enough for the sanitizers' file:line
# reports), debug sections compressed (-gz), and relative relocations packed (DT_RELR: ASan's
# global descriptors made .rela.dyn a third of each executable).
set(ZT_LEAN_DEBUG_COMPILE_FLAGS -g1 -gz)
set(ZT_LEAN_DEBUG_LINK_FLAGS -gz -Wl,-z,pack-relative-relocs)

# Applies the project's warning and sanitizer flags to one target. An optional second
# argument names the variable holding the compile-time sanitizer flags (default
# ZT_SANITIZER_FLAGS); the target links with ZT_SANITIZER_FLAGS whatever it is.
function(zt_target_defaults target)
  set(sanitizer_flags ZT_SANITIZER_FLAGS)
  if(ARGC GREATER 1)
    set(sanitizer_flags ${ARGV1})
  endif()
  target_compile_options(${target} PRIVATE ${ZT_WARNINGS})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
  if(ZT_SANITIZE)
    target_compile_options(${target} PRIVATE ${${sanitizer_flags}} ${ZT_LEAN_DEBUG_COMPILE_FLAGS})
    target_link_options(${target} PUBLIC ${ZT_SANITIZER_FLAGS} ${ZT_LEAN_DEBUG_LINK_FLAGS})
  endif()
endfunction()

# zt_add_library(NAME SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# Headers are included by their path from the repository root ("collectors/core/host_fs.hpp").
function(zt_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  zt_target_defaults(${name})
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
endfunction()

# zt_platform_sources(OUT LINUX file... WINDOWS file...): the files of the platform being
# built, into OUT. Every WINDOWS file is also recorded, as its path in the repository, in the
# global property ZT_WINDOWS_SOURCES: on Linux the MinGW-w64 cross-compile test
# (tests/windows) compiles exactly those, so no Windows source is left outside a target.
function(zt_platform_sources out)
  cmake_parse_arguments(ARG "" "" "LINUX;WINDOWS" ${ARGN})
  foreach(file IN LISTS ARG_WINDOWS)
    file(RELATIVE_PATH path ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/${file})
    set_property(GLOBAL APPEND PROPERTY ZT_WINDOWS_SOURCES ${path})
  endforeach()
  if(WIN32)
    set(${out} ${ARG_WINDOWS} PARENT_SCOPE)
  else()
    set(${out} ${ARG_LINUX} PARENT_SCOPE)
  endif()
endfunction()

# zt_platform_libs(OUT LINUX lib... WINDOWS lib...): the libraries of the platform being built,
# into OUT (the Windows facility that stands in for a Linux library, as WinHTTP for libcurl).
function(zt_platform_libs out)
  cmake_parse_arguments(ARG "" "" "LINUX;WINDOWS" ${ARGN})
  if(WIN32)
    set(${out} ${ARG_WINDOWS} PARENT_SCOPE)
  else()
    set(${out} ${ARG_LINUX} PARENT_SCOPE)
  endif()
endfunction()

# zt_add_collector(NAME SOURCES ... [LIBS ...])
# A collector is one folder: collectors/NAME, namespace zt::NAME, target zt_collector_NAME,
# config key collectors.NAME, listed in ZT_COLLECTORS (collectors/CMakeLists.txt), which
# registers it. It sees the collector core and the model only.
function(zt_add_collector name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  zt_add_library(zt_collector_${name} SOURCES ${ARG_SOURCES}
                 PUBLIC_LIBS zt_collector_core PRIVATE_LIBS ${ARG_LIBS})
endfunction()

# zt_add_test(NAME SOURCES ... LIBS ...): a Catch2 test executable whose test cases are
# registered with CTest one by one.
function(zt_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  zt_target_defaults(${name} ZT_TEST_SANITIZER_FLAGS)
  target_link_libraries(${name} PRIVATE zt_test_main ${ARG_LIBS})
  target_compile_definitions(${name} PRIVATE
    ZT_SOURCE_DIR="${PROJECT_SOURCE_DIR}" ZT_BINARY_DIR="${PROJECT_BINARY_DIR}")
  # Catch2 v2 does not turn tags into CTest labels: one discovery per tag does, so
  # `ctest -L unit` and `ctest -L integration` work. Untagged cases still run, labelled so.
  # `--warn NoTests` fails a CTest entry whose name matches no test case (a `;` in a name
  # splits it), instead of passing without running anything.
  set(env "ASAN_OPTIONS=detect_leaks=1;UBSAN_OPTIONS=print_stacktrace=1")
  set(args EXTRA_ARGS --warn NoTests)
  catch_discover_tests(${name} TEST_SPEC "[unit]" ${args}
                       PROPERTIES LABELS unit ENVIRONMENT "${env}")
  catch_discover_tests(${name} TEST_SPEC "[integration]" ${args}
                       PROPERTIES LABELS integration ENVIRONMENT "${env}")
  catch_discover_tests(${name} TEST_SPEC "~[unit]~[integration]" ${args}
                       PROPERTIES LABELS untagged ENVIRONMENT "${env}")
endfunction()
