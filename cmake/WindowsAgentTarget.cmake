# The Windows agent that the test build cross-builds, for the tests that run it under Wine
# (tests/windows) and pack it (tests/packaging): target zt_windows_agent builds
# ${ZT_WINDOWS_AGENT_EXE} in ZT_WINDOWS_BUILD_DIR (default windows-agent/ in this build tree)
# when the MinGW compiler and the libraries scripts/setup.sh builds are here; without them the
# target does not exist and those tests say what is missing. Building it takes about
# 11 minutes from nothing at -j2, seconds when ccache has it. Optimised as docs/WINDOWS.md's
# build (-O2) but without debug information: a tenth of the disk.
set(ZT_WINDOWS_BUILD_JOBS 2 CACHE STRING "parallel jobs of the Windows agent's build")
set(ZT_WINDOWS_BUILD_DIR ${CMAKE_BINARY_DIR}/windows-agent CACHE PATH
    "where the test build cross-builds the Windows agent (an existing Windows build may be reused)")
set(ZT_WINDOWS_AGENT_EXE ${ZT_WINDOWS_BUILD_DIR}/agent/zerotrace-agent.exe)
if(EXISTS /usr/bin/x86_64-w64-mingw32-g++-posix
   AND EXISTS /opt/zerotrace-mingw/lib/cmake/yaml-cpp
   AND EXISTS /opt/zerotrace-mingw/lib/cmake/libzip)
  add_custom_target(zt_windows_agent
    COMMAND ${CMAKE_COMMAND} -S ${PROJECT_SOURCE_DIR} -B ${ZT_WINDOWS_BUILD_DIR} -G Ninja
            -DCMAKE_TOOLCHAIN_FILE=${PROJECT_SOURCE_DIR}/cmake/mingw-w64-x86_64.cmake
            -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG"
            -DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}
            -DCMAKE_C_COMPILER_LAUNCHER=${CMAKE_C_COMPILER_LAUNCHER}
    COMMAND ${CMAKE_COMMAND} --build ${ZT_WINDOWS_BUILD_DIR} -j ${ZT_WINDOWS_BUILD_JOBS}
            --target zerotrace-agent
    COMMENT "The Windows agent, cross-built with MinGW-w64 (docs/WINDOWS.md)"
    USES_TERMINAL VERBATIM)
endif()
