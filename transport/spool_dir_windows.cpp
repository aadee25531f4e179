// SpoolDir on Windows (spool_dir.hpp), by path with the Win32 file API: Windows has no
// descriptor-relative calls (openat, renameat), so fd_ stays -1 and every call names
// path_ / name. What stands in for the Linux version's guarantees:
// - Durable writes: "<name>.tmp" written, FlushFileBuffers, then MoveFileExW with
//   MOVEFILE_WRITE_THROUGH (which returns once the rename is on disk): the folder itself
//   cannot be flushed on Windows, and sync() has nothing left to do.
// - No symbolic links followed: files are opened with FILE_FLAG_OPEN_REPARSE_POINT and a
//   folder that is a reparse point (symbolic link, junction) is refused as a child.
// - Modes: Windows has ACLs, not mode bits. The spool's folders inherit the state
//   directory's ACL (SYSTEM and Administrators only, set when the service is installed), so
//   files are listed as 0600 and make_private() leaves them as they are.
#include <windows.h>

#include <array>
#include <memory>
#include <utility>

#include "schema-client/base/windows_error.hpp"
#include "transport/spool_dir.hpp"

namespace zt::transport {
namespace {

constexpr DWORD kPieceSize = 64 * 1024;
constexpr int kMaxMoveAttempts = 10000;

model::Error sys_error(const std::filesystem::path& path, const char* operation,
                       DWORD error = GetLastError()) {
  return model::Error{path.string() + ": " + operation + ": " + base::windows_error_text(error)};
}

// Closes a handle when it goes out of scope.
struct HandleCloser {
  void operator()(HANDLE handle) const { CloseHandle(handle); }
};
using Handle = std::unique_ptr<void, HandleCloser>;

Handle open_file(const std::filesystem::path& path, DWORD access, DWORD disposition) {
  const HANDLE handle = CreateFileW(path.c_str(), access, FILE_SHARE_READ | FILE_SHARE_DELETE,
                                    nullptr, disposition,
                                    FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
  return Handle(handle == INVALID_HANDLE_VALUE ? nullptr : handle);
}

// Reads until `out` is full or the file ends, and cuts `out` to what was read. 0, or the
// error of the failed read.
DWORD read_into(HANDLE file, std::string& out) {
  std::size_t done = 0;
  while (done < out.size()) {
    const auto want = static_cast<DWORD>(std::min<std::size_t>(out.size() - done, 1u << 30));
    DWORD got = 0;
    if (!ReadFile(file, out.data() + done, want, &got, nullptr)) return GetLastError();
    if (got == 0) break;
    done += got;
  }
  out.resize(done);
  return 0;
}

// 0, or the error of the failed write.
DWORD write_all(HANDLE file, std::string_view data) {
  while (!data.empty()) {
    const auto want = static_cast<DWORD>(std::min<std::size_t>(data.size(), 1u << 30));
    DWORD written = 0;
    if (!WriteFile(file, data.data(), want, &written, nullptr)) return GetLastError();
    data.remove_prefix(written);
  }
  return 0;
}

model::Timestamp timestamp_of(FILETIME time) {
  // 100 ns ticks since 1601-01-01; the Unix epoch is 11644473600 s later.
  const auto ticks = (static_cast<std::uint64_t>(time.dwHighDateTime) << 32) | time.dwLowDateTime;
  const auto unix_ms = static_cast<std::int64_t>(ticks / 10000) - 11644473600000LL;
  return model::Timestamp(std::chrono::milliseconds(unix_ms));
}

bool is_reparse_point(const std::filesystem::path& path) {
  const DWORD attributes = GetFileAttributesW(path.c_str());
  return attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_REPARSE_POINT);
}

}  // namespace

model::Result<SpoolDir> SpoolDir::open(const std::filesystem::path& path) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (ec) return model::Error{path.string() + ": " + ec.message()};
  std::filesystem::path partial;
  for (const auto& part : absolute) {
    partial /= part;
    if (partial == absolute.root_path()) continue;  // "C:\" cannot be created
    if (!CreateDirectoryW(partial.c_str(), nullptr) && GetLastError() != ERROR_ALREADY_EXISTS)
      return sys_error(partial, "mkdir");
  }
  if (!std::filesystem::is_directory(absolute, ec))
    return model::Error{absolute.string() + ": open: not a folder"};
  return SpoolDir(-1, absolute);
}

model::Result<SpoolDir> SpoolDir::open_child(const std::string& name) const {
  const std::filesystem::path child = path_ / name;
  if (!CreateDirectoryW(child.c_str(), nullptr) && GetLastError() != ERROR_ALREADY_EXISTS)
    return sys_error(child, "mkdir");
  if (is_reparse_point(child))
    return model::Error{child.string() + ": open: a symbolic link or junction, not followed"};
  return SpoolDir(-1, child);
}

SpoolDir::SpoolDir(SpoolDir&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

SpoolDir& SpoolDir::operator=(SpoolDir&& other) noexcept {
  fd_ = std::exchange(other.fd_, -1);
  path_ = std::move(other.path_);
  return *this;
}

SpoolDir::~SpoolDir() = default;

model::Result<std::vector<SpoolDir::Entry>> SpoolDir::list() const {
  WIN32_FIND_DATAW found{};
  const HANDLE search = FindFirstFileW((path_ / "*").c_str(), &found);
  if (search == INVALID_HANDLE_VALUE) {
    if (GetLastError() == ERROR_FILE_NOT_FOUND) return std::vector<Entry>{};
    return sys_error(path_, "list");
  }
  const std::unique_ptr<void, BOOL (*)(HANDLE)> closer(search, FindClose);
  std::vector<Entry> entries;
  do {
    const std::filesystem::path name(found.cFileName);
    if (name == "." || name == "..") continue;
    Entry entry;
    entry.name = name.string();
    const DWORD attributes = found.dwFileAttributes;
    entry.kind = (attributes & FILE_ATTRIBUTE_REPARSE_POINT) ? Kind::other
                 : (attributes & FILE_ATTRIBUTE_DIRECTORY)   ? Kind::directory
                                                             : Kind::file;
    entry.size = (static_cast<std::uint64_t>(found.nFileSizeHigh) << 32) | found.nFileSizeLow;
    entry.mode = entry.kind == Kind::directory ? 0700 : 0600;  // the inherited ACL (above)
    entry.mtime = timestamp_of(found.ftLastWriteTime);
    entries.push_back(std::move(entry));
  } while (FindNextFileW(search, &found));
  if (GetLastError() != ERROR_NO_MORE_FILES) return sys_error(path_, "list");
  return entries;
}

model::Status SpoolDir::write_durably(const std::string& name, std::string_view data) const {
  const std::filesystem::path tmp = path_ / (name + ".tmp");
  const auto fail = [&](const char* operation, DWORD error) -> model::Status {
    DeleteFileW(tmp.c_str());
    return sys_error(tmp, operation, error);
  };
  {
    const Handle file = open_file(tmp, GENERIC_WRITE, CREATE_ALWAYS);
    if (!file) return sys_error(tmp, "open");
    if (const DWORD error = write_all(file.get(), data); error != 0) return fail("write", error);
    if (!FlushFileBuffers(file.get())) return fail("flush", GetLastError());
  }
  if (!MoveFileExW(tmp.c_str(), (path_ / name).c_str(),
                   MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
    return fail("rename", GetLastError());
  return model::Ok{};
}

model::Result<std::string> SpoolDir::read(const std::string& name, std::uint64_t limit) const {
  const Handle file = open_file(path_ / name, GENERIC_READ, OPEN_EXISTING);
  if (!file) return sys_error(path_ / name, "open");
  LARGE_INTEGER size{};
  if (!GetFileSizeEx(file.get(), &size)) return sys_error(path_ / name, "stat");
  if (static_cast<std::uint64_t>(size.QuadPart) > limit)
    return model::Error{(path_ / name).string() + ": " + std::to_string(size.QuadPart) +
                        " bytes, more than the " + std::to_string(limit) + " expected"};
  std::string out(static_cast<std::size_t>(size.QuadPart), '\0');
  if (const DWORD error = read_into(file.get(), out); error != 0)
    return sys_error(path_ / name, "read", error);
  return out;
}

model::Result<std::string> SpoolDir::read_prefix(const std::string& name, std::size_t max) const {
  const Handle file = open_file(path_ / name, GENERIC_READ, OPEN_EXISTING);
  if (!file) return sys_error(path_ / name, "open");
  std::string out(max, '\0');
  if (const DWORD error = read_into(file.get(), out); error != 0)
    return sys_error(path_ / name, "read", error);
  return out;
}

model::Result<std::uint64_t> SpoolDir::read_pieces(
    const std::string& name, std::uint64_t offset,
    const std::function<void(std::string_view)>& sink) const {
  const Handle file = open_file(path_ / name, GENERIC_READ, OPEN_EXISTING);
  if (!file) return sys_error(path_ / name, "open");
  LARGE_INTEGER start{};
  start.QuadPart = static_cast<LONGLONG>(offset);
  if (!SetFilePointerEx(file.get(), start, nullptr, FILE_BEGIN))
    return sys_error(path_ / name, "seek");
  std::array<char, kPieceSize> piece{};
  std::uint64_t total = 0;
  for (;;) {
    DWORD got = 0;
    if (!ReadFile(file.get(), piece.data(), kPieceSize, &got, nullptr))
      return sys_error(path_ / name, "read");
    if (got == 0) return total;
    sink(std::string_view(piece.data(), got));
    total += got;
  }
}

model::Status SpoolDir::remove(const std::string& name) const {
  if (!DeleteFileW((path_ / name).c_str())) {
    const DWORD error = GetLastError();
    if (error == ERROR_FILE_NOT_FOUND) return model::Ok{};
    return sys_error(path_ / name, "unlink", error);
  }
  return model::Ok{};
}

model::Result<std::string> SpoolDir::move_to(const std::string& name, const SpoolDir& to,
                                             const std::string& target) const {
  std::string candidate = target;
  for (int attempt = 1; attempt <= kMaxMoveAttempts; ++attempt) {
    // Without MOVEFILE_REPLACE_EXISTING an existing target is never replaced.
    if (MoveFileExW((path_ / name).c_str(), (to.path_ / candidate).c_str(),
                    MOVEFILE_WRITE_THROUGH))
      return candidate;
    const DWORD error = GetLastError();
    if (error != ERROR_ALREADY_EXISTS && error != ERROR_FILE_EXISTS)
      return sys_error(path_ / name, "rename", error);
    candidate = target + "." + std::to_string(attempt);
  }
  return model::Error{(to.path_ / target).string() + ": no free name after " +
                      std::to_string(kMaxMoveAttempts) + " attempts"};
}

// The inherited ACL already keeps the file private (above).
model::Status SpoolDir::make_private(const std::string&) const { return model::Ok{}; }

// MOVEFILE_WRITE_THROUGH and FlushFileBuffers made every change durable already (above).
model::Status SpoolDir::sync() const { return model::Ok{}; }

}  // namespace zt::transport
