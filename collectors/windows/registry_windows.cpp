// The registry reader (registry.hpp) over RegOpenKeyExW / RegQueryValueExW / RegEnumKeyExW.
#include <windows.h>

#include "collectors/windows/registry.hpp"
#include "collectors/windows/wide_text.hpp"
#include "schema-client/base/windows_error.hpp"

namespace zt::windows {

struct RegistryKey::Handle {
  HKEY key = nullptr;
  ~Handle() {
    if (key) RegCloseKey(key);
  }
};

namespace {

// Registry values are at most 1 MB here: no value the collectors read comes near it, and a
// planted huge value cannot make the agent allocate without bound.
constexpr DWORD kMaxValueBytes = 1 << 20;

std::string display_name(const std::string& path, RegistryView view) {
  return "HKLM\\" + path + (view == RegistryView::wow64_32 ? " (32-bit view)" : "");
}

REGSAM access(RegistryView view) {
  return KEY_READ | (view == RegistryView::wow64_32 ? KEY_WOW64_32KEY : KEY_WOW64_64KEY);
}

RegistryError error_of(LONG status, const std::string& name) {
  return {.not_found = status == ERROR_FILE_NOT_FOUND,
          .key = name,
          .message = name + ": " + base::windows_error_text(static_cast<unsigned long>(status))};
}

std::variant<HKEY, LONG> open_key(HKEY parent, const std::string& path, RegistryView view) {
  HKEY key = nullptr;
  const LONG status = RegOpenKeyExW(parent, wide(path).c_str(), 0, access(view), &key);
  if (status != ERROR_SUCCESS) return status;
  return key;
}

}  // namespace

std::string_view to_string(RegistryView view) {
  return view == RegistryView::native ? "64-bit" : "32-bit";
}

RegistryKey::RegistryKey(std::shared_ptr<Handle> handle, std::string path, RegistryView view)
    : handle_(std::move(handle)),
      path_(std::move(path)),
      name_(display_name(path_, view)),
      view_(view) {}

std::variant<RegistryKey, RegistryError> RegistryKey::open(std::string_view path,
                                                           RegistryView view) {
  const std::string text(path);
  auto opened = open_key(HKEY_LOCAL_MACHINE, text, view);
  if (const LONG* status = std::get_if<LONG>(&opened))
    return error_of(*status, display_name(text, view));
  auto handle = std::make_shared<Handle>();
  handle->key = std::get<HKEY>(opened);
  return RegistryKey(std::move(handle), text, view);
}

std::variant<RegistryKey, RegistryError> RegistryKey::child(std::string_view name) const {
  const std::string path = path_ + "\\" + std::string(name);
  auto opened = open_key(handle_->key, std::string(name), view_);
  if (const LONG* status = std::get_if<LONG>(&opened))
    return error_of(*status, display_name(path, view_));
  auto handle = std::make_shared<Handle>();
  handle->key = std::get<HKEY>(opened);
  return RegistryKey(std::move(handle), path, view_);
}

std::optional<std::wstring> RegistryKey::raw(std::string_view value, unsigned long& type) const {
  const std::wstring name = wide(value);
  DWORD bytes = 0;
  DWORD kind = 0;
  if (RegQueryValueExW(handle_->key, name.c_str(), nullptr, &kind, nullptr, &bytes) !=
          ERROR_SUCCESS ||
      bytes > kMaxValueBytes)
    return std::nullopt;
  // A value may change between the two calls: read again with the new size when it grew.
  for (int attempt = 0; attempt < 3; ++attempt) {
    std::wstring data((bytes + 1) / sizeof(wchar_t), L'\0');
    DWORD size = static_cast<DWORD>(data.size() * sizeof(wchar_t));
    const LONG status = RegQueryValueExW(handle_->key, name.c_str(), nullptr, &kind,
                                         reinterpret_cast<BYTE*>(data.data()), &size);
    if (status == ERROR_MORE_DATA && size <= kMaxValueBytes) {
      bytes = size;
      continue;
    }
    if (status != ERROR_SUCCESS) return std::nullopt;
    data.resize((size + 1) / sizeof(wchar_t));
    type = kind;
    return data;
  }
  return std::nullopt;
}

std::optional<std::string> RegistryKey::text(std::string_view value) const {
  unsigned long type = 0;
  auto data = raw(value, type);
  if (!data || (type != REG_SZ && type != REG_EXPAND_SZ)) return std::nullopt;
  // A string value need not end with its NUL, and may carry several.
  while (!data->empty() && data->back() == L'\0') data->pop_back();
  return utf8(*data);
}

std::optional<std::uint32_t> RegistryKey::number(std::string_view value) const {
  const std::wstring name = wide(value);
  DWORD kind = 0;
  DWORD number = 0;
  DWORD size = sizeof(number);
  if (RegQueryValueExW(handle_->key, name.c_str(), nullptr, &kind, reinterpret_cast<BYTE*>(&number),
                       &size) != ERROR_SUCCESS ||
      kind != REG_DWORD || size != sizeof(number))
    return std::nullopt;
  return number;
}

std::optional<std::vector<std::string>> RegistryKey::texts(std::string_view value) const {
  unsigned long type = 0;
  auto data = raw(value, type);
  if (!data || type != REG_MULTI_SZ) return std::nullopt;
  std::wstring_view rest(*data);
  while (!rest.empty() && rest.back() == L'\0') rest.remove_suffix(1);
  std::vector<std::string> out;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find(L'\0'), rest.size());
    out.push_back(utf8(rest.substr(0, end)));
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  return out;
}

bool RegistryKey::has_value(std::string_view value) const {
  return RegQueryValueExW(handle_->key, wide(value).c_str(), nullptr, nullptr, nullptr, nullptr) ==
         ERROR_SUCCESS;
}

std::variant<std::vector<std::string>, RegistryError> RegistryKey::subkeys() const {
  std::vector<std::string> names;
  for (DWORD index = 0;; ++index) {
    wchar_t name[256];  // a key name is at most 255 characters
    DWORD length = static_cast<DWORD>(std::size(name));
    const LONG status =
        RegEnumKeyExW(handle_->key, index, name, &length, nullptr, nullptr, nullptr, nullptr);
    if (status == ERROR_NO_MORE_ITEMS) break;
    if (status != ERROR_SUCCESS) return error_of(status, name_);
    names.push_back(utf8(std::wstring_view(name, length)));
  }
  return names;
}

}  // namespace zt::windows
