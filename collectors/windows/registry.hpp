#pragma once
// Windows only: read-only access to keys of HKEY_LOCAL_MACHINE, in the registry view asked
// for (a 64-bit process sees the 32-bit programs' keys, WOW6432Node, only through
// KEY_WOW64_32KEY). Values come back as UTF-8. Never throws: a key that cannot be opened is
// an error naming the key and the system's reason; a value that is missing or of another type
// is nullopt. Not thread-safe per object; separate objects may be used from separate threads.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace zt::windows {

enum class RegistryView { native, wow64_32 };

// "64-bit", "32-bit": how inventories name a view.
std::string_view to_string(RegistryView view);

struct RegistryError {
  bool not_found = false;  // the key does not exist (ERROR_FILE_NOT_FOUND)
  std::string key;         // the key's name(): "HKLM\\SOFTWARE\\..."
  std::string message;     // "HKLM\\SOFTWARE\\...: Access is denied. (5)"
};

class RegistryKey {
 public:
  // `path` under HKLM, backslash-separated: "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion".
  static std::variant<RegistryKey, RegistryError> open(std::string_view path,
                                                       RegistryView view = RegistryView::native);
  // A subkey of this key, in the same view.
  std::variant<RegistryKey, RegistryError> child(std::string_view name) const;

  // "HKLM\\SOFTWARE\\..." (with " (32-bit view)" in the WOW64 view): how messages name it.
  const std::string& name() const { return name_; }
  RegistryView view() const { return view_; }

  // REG_SZ or REG_EXPAND_SZ (unexpanded), without its terminating NULs.
  std::optional<std::string> text(std::string_view value) const;
  // REG_DWORD.
  std::optional<std::uint32_t> number(std::string_view value) const;
  // REG_MULTI_SZ, its strings in order; empty strings between them are kept (values such as
  // PendingFileRenameOperations use them), the terminating NULs are not.
  std::optional<std::vector<std::string>> texts(std::string_view value) const;
  bool has_value(std::string_view value) const;
  // Every subkey's name; an error naming the key when they cannot be listed.
  std::variant<std::vector<std::string>, RegistryError> subkeys() const;

 private:
  struct Handle;
  RegistryKey(std::shared_ptr<Handle> handle, std::string path, RegistryView view);
  std::optional<std::wstring> raw(std::string_view value, unsigned long& type) const;

  std::shared_ptr<Handle> handle_;
  std::string path_;  // under HKLM
  std::string name_;
  RegistryView view_;
};

}  // namespace zt::windows
