#pragma once
// The agent's version, from the CMake project version.
namespace zt::agent {
inline constexpr const char* kVersion = ZT_VERSION;
}
