#pragma once
// Every registry key and value the Windows collectors read, under HKEY_LOCAL_MACHINE, in one
// place (as a Linux collector's host_paths.hpp names its files).
#include <string_view>

namespace zt::windows::registry_path {

inline constexpr std::string_view kCurrentVersion =
    "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
// Read in both registry views: the 32-bit view is SOFTWARE\WOW6432Node\...
inline constexpr std::string_view kUninstall =
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall";
// Windows Vista and later: one subkey per servicing package, its CurrentState 0x70 when
// installed; Win32_QuickFixEngineering reports from the same packages.
inline constexpr std::string_view kServicingPackages =
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages";
// Before Vista (and still filled by Wine): one subkey per hotfix, Installed = 1.
inline constexpr std::string_view kLegacyHotfixes =
    "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Hotfix";

// Reboot markers: keys whose presence says a restart is due, and one value.
inline constexpr std::string_view kServicingRebootPending =
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending";
inline constexpr std::string_view kWindowsUpdateRebootRequired =
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired";
inline constexpr std::string_view kSessionManager =
    "SYSTEM\\CurrentControlSet\\Control\\Session Manager";
inline constexpr std::string_view kPendingFileRenames = "PendingFileRenameOperations";

}  // namespace zt::windows::registry_path
