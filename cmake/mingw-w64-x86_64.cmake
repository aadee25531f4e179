# Cross-building the Windows agent (x86_64) on Debian with its MinGW-w64 compilers
# (g++-mingw-w64-x86-64-posix):
#   cmake -S . -B build/windows -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake
# The "-posix" compilers, not the "-win32" ones: their libstdc++ has std::thread, std::mutex
# and std::condition_variable (on winpthreads), which the daemon and the scheduler use.
# Where each dependency of the Windows agent comes from, and why: cmake/WindowsDependencies.cmake.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_VERSION 10.0)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(ZT_MINGW_TRIPLE x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${ZT_MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${ZT_MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${ZT_MINGW_TRIPLE}-windres)

# Where the libraries built for MinGW live: Debian's own (/usr/x86_64-w64-mingw32: the
# Windows headers and import libraries, zlib from libz-mingw-w64-dev) and the ones
# scripts/setup.sh builds from Debian's source packages (yaml-cpp), under ZT_MINGW_PREFIX.
if(NOT DEFINED ZT_MINGW_PREFIX)
  set(ZT_MINGW_PREFIX /opt/zerotrace-mingw)
endif()
set(CMAKE_FIND_ROOT_PATH /usr/${ZT_MINGW_TRIPLE} ${ZT_MINGW_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# One self-contained exe: the MinGW runtime (libgcc, libstdc++, winpthread) and zlib linked
# statically, so nothing but the exe and its config is shipped and no MinGW DLL can be found
# (or planted) next to it. The system DLLs (kernel32, winhttp, bcrypt, ...) are Windows' own.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
