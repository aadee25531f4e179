#pragma once
// What one run of the Windows system collector read from the registry, before it becomes
// the inventory, the dependencies and the findings (system_report.hpp). Plain data, no I/O;
// an empty optional means "could not be read" (the run's problems say why).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zt::windows {

// HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion.
struct WindowsVersion {
  std::string product_name;  // ProductName: "Windows 10 Pro"
  // CurrentMajorVersionNumber.CurrentMinorVersionNumber ("10.0") where they exist, else
  // CurrentVersion, which Windows 8.1 and later freeze at "6.3" for old programs.
  std::string version;
  std::string build;                 // CurrentBuild, else CurrentBuildNumber: "19045"
  std::string display_version;       // DisplayVersion ("22H2"), else ReleaseId ("2009"); or ""
  std::optional<std::uint32_t> ubr;  // UBR, the update build revision: 19045.<3803>
  std::string edition_id;            // EditionID: "Professional"; or ""
};

// "10.0.19045.3803": version, build and update revision, as far as they are known.
std::string full_version(const WindowsVersion& version);

// An entry of an Uninstall key that Programs and Features would show: it has a DisplayName,
// is not a SystemComponent and has no ParentKeyName (an update of another entry).
struct InstalledProgram {
  std::string name;                // DisplayName
  std::string version;             // DisplayVersion; "" when it has none
  std::string publisher;           // Publisher; "" when it has none
  std::string view;                // the registry view it was found in: "64-bit", "32-bit"
  std::string key;                 // its entry: "HKLM\\SOFTWARE\\...\\Uninstall\\{GUID}"
  bool windows_installer = false;  // WindowsInstaller = 1: installed by an MSI package
};

// An installed update, by its KB number where it has one.
struct Hotfix {
  std::string id;      // "KB5034441", or the legacy Hotfix key's name ("Q246009")
  std::string source;  // "Component Based Servicing", "Hotfix"
};

// One of the places where Windows records that it must restart to finish a change.
enum class RebootMarkerKind {
  servicing,       // Component Based Servicing\RebootPending: a component update is staged
  windows_update,  // WindowsUpdate\Auto Update\RebootRequired: an installed update waits
  file_renames,    // Session Manager\PendingFileRenameOperations: files replaced at boot
};

struct RebootMarker {
  RebootMarkerKind kind;
  std::string where;               // the key, or key and value, that was found
  std::vector<std::string> files;  // file_renames: the files to be replaced or deleted
};

struct SystemSnapshot {
  std::optional<WindowsVersion> os;
  // Every readable Uninstall key's programs; nullopt when none could be read.
  std::optional<std::vector<InstalledProgram>> programs;
  std::vector<std::string> program_keys;  // the Uninstall keys that were read
  std::vector<std::string> absent_keys;   // keys that do not exist on this host (not problems)
  std::optional<std::vector<Hotfix>> hotfixes;
  std::vector<std::string> hotfix_sources;  // the keys hotfixes were read from
  std::vector<RebootMarker> reboot_markers;
};

}  // namespace zt::windows
