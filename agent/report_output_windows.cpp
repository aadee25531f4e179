// write_report and is_terminal on Windows (report_output.hpp): the Win32 file API, the
// temporary file created with a private ACL (the stand-in for mode 0600) and moved over the
// report with MoveFileExW once flushed.
#include <windows.h>
#include <sddl.h>

#include <memory>

#include "agent/report_output.hpp"
#include "schema-client/base/windows_error.hpp"

namespace zt::agent {
namespace {

bool write_all(HANDLE handle, const std::string& text) {
  std::string_view rest = text;
  while (!rest.empty()) {
    const auto want = static_cast<DWORD>(std::min<std::size_t>(rest.size(), 1u << 30));
    DWORD written = 0;
    if (!WriteFile(handle, rest.data(), want, &written, nullptr)) return false;
    rest.remove_prefix(written);
  }
  return true;
}

// Full control for the file's owner, SYSTEM and Administrators, nothing inherited.
constexpr wchar_t kPrivateAcl[] = L"D:P(A;;FA;;;OW)(A;;FA;;;SY)(A;;FA;;;BA)";

model::Error output_error(const std::filesystem::path& file, DWORD error) {
  return model::Error{"--output " + file.string() + ": " + base::windows_error_text(error)};
}

}  // namespace

model::Status write_report(const std::string& text,
                           const std::optional<std::filesystem::path>& file) {
  if (!file) {
    if (!write_all(GetStdHandle(STD_OUTPUT_HANDLE), text))
      return model::Error{"writing the report to stdout: " +
                          base::windows_error_text(GetLastError())};
    return model::Ok{};
  }
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(kPrivateAcl, SDDL_REVISION_1,
                                                            &descriptor, nullptr))
    return output_error(*file, GetLastError());
  const std::unique_ptr<void, HLOCAL (*)(HLOCAL)> descriptor_owner(descriptor, LocalFree);
  SECURITY_ATTRIBUTES attributes{sizeof(attributes), descriptor, FALSE};

  std::filesystem::path temporary = *file;
  temporary += ".tmp-" + std::to_string(GetCurrentProcessId());
  const HANDLE handle = CreateFileW(temporary.c_str(), GENERIC_WRITE, 0, &attributes,
                                    CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (handle == INVALID_HANDLE_VALUE) return output_error(*file, GetLastError());
  const bool ok = write_all(handle, text) && FlushFileBuffers(handle);
  const DWORD saved = GetLastError();
  CloseHandle(handle);
  if (!ok || !MoveFileExW(temporary.c_str(), file->c_str(),
                          MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
    const DWORD error = ok ? GetLastError() : saved;
    DeleteFileW(temporary.c_str());
    return output_error(*file, error);
  }
  return model::Ok{};
}

bool is_terminal(Stream stream) {
  DWORD mode = 0;  // only a console has a console mode
  return GetConsoleMode(GetStdHandle(stream == Stream::out ? STD_OUTPUT_HANDLE : STD_ERROR_HANDLE),
                        &mode) != 0;
}

}  // namespace zt::agent
