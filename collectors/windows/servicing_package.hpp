#pragma once
// The names of Component Based Servicing packages ("Package_for_KB5034441~31bf3856ad364e35~
// amd64~~19041.3920.1.2") and their states. Pure; compiled and tested on Linux too.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zt::windows {

// CurrentState of a package that is installed (CBS_STATE_INSTALLED).
inline constexpr std::uint32_t kServicingInstalled = 0x70;

// "KB5034441" for a package of that update; nullopt for a package that names no KB number
// (language packs, features, the servicing stack's own).
std::optional<std::string> kb_of_package(std::string_view package_name);

}  // namespace zt::windows
