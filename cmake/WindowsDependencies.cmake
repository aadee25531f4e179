# The Windows agent's dependencies (cross-built with cmake/mingw-w64-x86_64.cmake), each chosen
# for what serves the agent best on Windows (docs/WINDOWS.md):
# - The platform's own facilities behind the existing interfaces, where a library would bring
#   its own trust store or crypto: WinHTTP for the transport (TLS by Schannel, certificates
#   checked against the Windows certificate store that the host's administrators manage, the
#   system's proxy settings), BCrypt (CNG) for SHA-256 instead of OpenSSL.
# - Header-only libraries, taken from Debian's packages (/usr/include): Boost (Asio),
#   nlohmann-json, CLI11, spdlog with fmt (header-only: SPDLOG_FMT_EXTERNAL + FMT_HEADER_ONLY).
#   The cross compiler must not see Linux's system headers, so they are reached through a
#   folder of links to their own folders only.
# - zlib: Debian's MinGW build (libz-mingw-w64-dev), linked statically.
# - yaml-cpp and libzip: built from Debian's source packages for MinGW by scripts/setup.sh into
#   ZT_MINGW_PREFIX (no MinGW build of them in Debian, no prebuilt binary from elsewhere).
# Linux-only parts are left out by the CMake lists (libsystemd, libpq, the ingest, the rpm
# database reader's SQLite, the Linux collectors).

# Windows 10 and later: the API level of the agent's Windows sources.
add_compile_definitions(_WIN32_WINNT=0x0A00 WINVER=0x0A00 NOMINMAX WIN32_LEAN_AND_MEAN)

set(windows_headers ${CMAKE_BINARY_DIR}/debian-headers)
file(MAKE_DIRECTORY ${windows_headers})
foreach(folder boost nlohmann spdlog fmt CLI)
  if(NOT EXISTS /usr/include/${folder})
    message(FATAL_ERROR "/usr/include/${folder} is missing: run scripts/setup.sh build")
  endif()
  file(CREATE_LINK /usr/include/${folder} ${windows_headers}/${folder} SYMBOLIC)
endforeach()

# header_only_target(NAME [DEFINES...])
function(header_only_target name)
  add_library(${name} INTERFACE IMPORTED GLOBAL)
  target_include_directories(${name} SYSTEM INTERFACE ${windows_headers})
  target_compile_definitions(${name} INTERFACE ${ARGN})
endfunction()
header_only_target(Boost::headers)
target_link_libraries(Boost::headers INTERFACE ws2_32 mswsock)  # Asio's sockets: Winsock
header_only_target(nlohmann_json::nlohmann_json)
header_only_target(CLI11::CLI11)
header_only_target(spdlog::spdlog SPDLOG_FMT_EXTERNAL FMT_HEADER_ONLY)

find_package(Threads REQUIRED)
set(ZLIB_USE_STATIC_LIBS ON)
find_package(ZLIB REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(libzip REQUIRED)
