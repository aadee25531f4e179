// The api key file's I/O on Windows (key_file.hpp). An ACL takes the place of mode 0600 and
// the owner check: the file is written with a protected DACL for its owner, SYSTEM and
// Administrators only, and a file whose DACL lets anyone else read or change it (or that has
// no DACL at all: everyone may) is refused, as a file of mode 0644 is on Linux.
#include <windows.h>
#include <aclapi.h>
#include <sddl.h>

#include <memory>

#include "schema-client/base/windows_error.hpp"
#include "transport/key_file.hpp"

namespace zt::transport {
namespace {

// Full control for the owner, SYSTEM and Administrators, nothing inherited.
constexpr wchar_t kPrivateAcl[] = L"D:P(A;;FA;;;OW)(A;;FA;;;SY)(A;;FA;;;BA)";
constexpr DWORD kReadOrChange = FILE_READ_DATA | FILE_WRITE_DATA | FILE_APPEND_DATA | WRITE_DAC |
                                WRITE_OWNER | GENERIC_READ | GENERIC_WRITE | GENERIC_ALL;

std::string reason(DWORD error = GetLastError()) { return base::windows_error_text(error); }

using LocalMemory = std::unique_ptr<void, HLOCAL (*)(HLOCAL)>;

std::string sid_text(PSID sid) {
  LPSTR text = nullptr;
  if (!ConvertSidToStringSidA(sid, &text)) return "an unknown account";
  std::string out = text;
  LocalFree(text);
  return out;
}

bool is_well_known(PSID sid, WELL_KNOWN_SID_TYPE type) { return IsWellKnownSid(sid, type) != 0; }

// Who other than the owner, SYSTEM and Administrators may read or change the file: "" when
// nobody.
std::string others_with_access(const std::filesystem::path& file) {
  PSID owner = nullptr;
  PACL dacl = nullptr;
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  const DWORD error = GetNamedSecurityInfoW(
      file.c_str(), SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION,
      &owner, nullptr, &dacl, nullptr, &descriptor);
  if (error != ERROR_SUCCESS) return "(its ACL cannot be read: " + reason(error) + ")";
  const LocalMemory descriptor_owner(descriptor, LocalFree);
  if (dacl == nullptr) return "everyone (it has no DACL)";
  for (DWORD i = 0; i < dacl->AceCount; ++i) {
    void* ace = nullptr;
    if (!GetAce(dacl, i, &ace)) continue;
    const auto* header = static_cast<ACE_HEADER*>(ace);
    if (header->AceType != ACCESS_ALLOWED_ACE_TYPE) continue;
    const auto* allowed = static_cast<ACCESS_ALLOWED_ACE*>(ace);
    const PSID sid = const_cast<DWORD*>(&allowed->SidStart);
    if ((allowed->Mask & kReadOrChange) == 0) continue;
    if (EqualSid(sid, owner) || is_well_known(sid, WinLocalSystemSid) ||
        is_well_known(sid, WinBuiltinAdministratorsSid) || is_well_known(sid, WinCreatorOwnerSid))
      continue;
    return sid_text(sid);
  }
  return {};
}

}  // namespace

model::Result<std::optional<std::string>> read_key_file(const std::filesystem::path& file) {
  const std::string where = file.string();
  const DWORD attributes = GetFileAttributesW(file.c_str());
  if (attributes == INVALID_FILE_ATTRIBUTES) {
    const DWORD error = GetLastError();
    if (error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND)
      return std::optional<std::string>();
    return model::Error{where + ": cannot open: " + reason(error)};
  }
  if (attributes & FILE_ATTRIBUTE_REPARSE_POINT)
    return model::Error{where + ": is a symbolic link; refusing to read an api key through it"};
  if (attributes & FILE_ATTRIBUTE_DIRECTORY) return model::Error{where + ": not a regular file"};
  if (const std::string others = others_with_access(file); !others.empty())
    return model::Error{where + ": its ACL lets " + others +
                        " read or change the api key; not using it. Treat the key as exposed: "
                        "revoke the agent, delete the file and enroll again"};
  const HANDLE handle = CreateFileW(file.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr,
                                    OPEN_EXISTING, FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
  if (handle == INVALID_HANDLE_VALUE) return model::Error{where + ": cannot open: " + reason()};
  const std::unique_ptr<void, BOOL (*)(HANDLE)> closer(handle, CloseHandle);
  LARGE_INTEGER size{};
  if (!GetFileSizeEx(handle, &size)) return model::Error{where + ": cannot stat: " + reason()};
  if (static_cast<std::uint64_t>(size.QuadPart) > kMaxKeyFile)
    return model::Error{where + ": larger than " + std::to_string(kMaxKeyFile) +
                        " bytes; not a key file"};
  std::string text(static_cast<std::size_t>(size.QuadPart), '\0');
  DWORD got = 0;
  if (!ReadFile(handle, text.data(), static_cast<DWORD>(text.size()), &got, nullptr))
    return model::Error{where + ": cannot read: " + reason()};
  text.resize(got);
  return std::optional<std::string>(std::move(text));
}

model::Status write_key_file(const std::filesystem::path& directory,
                             const std::filesystem::path& file, std::string_view text) {
  const std::string where = "cannot save the api key to " + file.string();
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(kPrivateAcl, SDDL_REVISION_1,
                                                            &descriptor, nullptr))
    return model::Error{where + ": " + reason()};
  const LocalMemory descriptor_owner(descriptor, LocalFree);
  SECURITY_ATTRIBUTES attributes{sizeof(attributes), descriptor, FALSE};

  std::error_code ec;
  if (!std::filesystem::exists(directory, ec)) {
    std::filesystem::create_directories(directory.parent_path(), ec);
    if (!CreateDirectoryW(directory.c_str(), &attributes) && GetLastError() != ERROR_ALREADY_EXISTS)
      return model::Error{where + ": cannot create " + directory.string() + ": " + reason()};
  }
  std::filesystem::path temporary = file;
  temporary += ".tmp-" + std::to_string(GetCurrentProcessId());
  const HANDLE handle = CreateFileW(temporary.c_str(), GENERIC_WRITE, 0, &attributes,
                                    CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (handle == INVALID_HANDLE_VALUE)
    return model::Error{where + ": cannot create a temporary file: " + reason()};
  DWORD written = 0;
  bool ok = WriteFile(handle, text.data(), static_cast<DWORD>(text.size()), &written, nullptr) &&
            written == text.size() && FlushFileBuffers(handle);
  DWORD error = GetLastError();
  CloseHandle(handle);
  // MOVEFILE_WRITE_THROUGH: returns once the rename is on disk (no folder to flush).
  if (ok && !MoveFileExW(temporary.c_str(), file.c_str(),
                         MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
    ok = false;
    error = GetLastError();
  }
  if (!ok) {
    DeleteFileW(temporary.c_str());
    return model::Error{where + ": " + reason(error)};
  }
  return model::Ok{};
}

}  // namespace zt::transport
