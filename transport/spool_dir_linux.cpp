#include "transport/spool_dir.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <memory>
#include <system_error>
#include <utility>

namespace zt::transport {
namespace {

constexpr mode_t kFolderMode = 0700;
constexpr mode_t kFileMode = 0600;
constexpr std::size_t kPieceSize = 64 * 1024;
constexpr int kMaxMoveAttempts = 10000;

model::Error sys_error(const std::filesystem::path& path, const char* operation, int error) {
  return model::Error{path.string() + ": " + operation + ": " +
                      std::system_category().message(error)};
}

// Closes a descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // Closes now, so that the error close() may report (a failed delayed write) is seen.
  int close() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }

 private:
  int fd_;
};

// 0, or the errno of the failed write.
int write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

// Reads until `out` is full or the file ends, and cuts `out` to what was read. 0, or the
// errno of the failed read.
int read_into(int fd, std::string& out) {
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  return 0;
}

model::Timestamp mtime_of(const struct stat& st) {
  using namespace std::chrono;
  return model::Timestamp(
      duration_cast<milliseconds>(seconds(st.st_mtim.tv_sec) + nanoseconds(st.st_mtim.tv_nsec)));
}

}  // namespace

model::Result<SpoolDir> SpoolDir::open(const std::filesystem::path& path) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (ec) return model::Error{path.string() + ": " + ec.message()};
  std::filesystem::path partial;
  for (const auto& part : absolute) {
    partial /= part;
    if (::mkdir(partial.c_str(), kFolderMode) != 0 && errno != EEXIST)
      return sys_error(partial, "mkdir", errno);
  }
  const int fd = ::open(absolute.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return sys_error(absolute, "open", errno);
  return SpoolDir(fd, absolute);
}

model::Result<SpoolDir> SpoolDir::open_child(const std::string& name) const {
  const std::filesystem::path child = path_ / name;
  if (::mkdirat(fd_, name.c_str(), kFolderMode) != 0 && errno != EEXIST)
    return sys_error(child, "mkdir", errno);
  const int fd = ::openat(fd_, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return sys_error(child, "open", errno);
  SpoolDir dir(fd, child);
  struct stat st {};
  if (::fstat(fd, &st) != 0) return sys_error(child, "stat", errno);
  if ((st.st_mode & 07777) != kFolderMode && ::fchmod(fd, kFolderMode) != 0)
    return sys_error(child, "chmod 0700", errno);
  return dir;
}

SpoolDir::SpoolDir(SpoolDir&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

SpoolDir& SpoolDir::operator=(SpoolDir&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
  }
  return *this;
}

SpoolDir::~SpoolDir() {
  if (fd_ >= 0) ::close(fd_);
}

model::Result<std::vector<SpoolDir::Entry>> SpoolDir::list() const {
  const int copy = ::fcntl(fd_, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return sys_error(path_, "dup", errno);
  // fdopendir takes the copy; closedir closes it. The copy shares the read position with
  // fd_, hence the rewind.
  const std::unique_ptr<DIR, int (*)(DIR*)> dir(::fdopendir(copy), ::closedir);
  if (!dir) {
    const int error = errno;
    ::close(copy);
    return sys_error(path_, "opendir", error);
  }
  ::rewinddir(dir.get());
  std::vector<Entry> entries;
  for (;;) {
    errno = 0;
    const dirent* d = ::readdir(dir.get());
    if (d == nullptr) {
      if (errno != 0) return sys_error(path_, "readdir", errno);
      break;
    }
    const std::string_view name = d->d_name;
    if (name == "." || name == "..") continue;
    struct stat st {};
    if (::fstatat(fd_, d->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
      if (errno == ENOENT) continue;  // removed since readdir saw it
      return sys_error(path_ / d->d_name, "stat", errno);
    }
    Entry entry;
    entry.name = std::string(name);
    entry.kind = S_ISREG(st.st_mode)   ? Kind::file
                 : S_ISDIR(st.st_mode) ? Kind::directory
                                       : Kind::other;
    entry.size = static_cast<std::uint64_t>(st.st_size);
    entry.mode = st.st_mode & 07777;
    entry.mtime = mtime_of(st);
    entries.push_back(std::move(entry));
  }
  return entries;
}

model::Status SpoolDir::write_durably(const std::string& name, std::string_view data) const {
  const std::string tmp = name + ".tmp";
  const auto fail = [&](const char* operation, int error) -> model::Status {
    ::unlinkat(fd_, tmp.c_str(), 0);
    return sys_error(path_ / tmp, operation, error);
  };
  Fd file(
      ::openat(fd_, tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, kFileMode));
  if (file.get() < 0) return sys_error(path_ / tmp, "open", errno);
  // The umask may have taken bits off, and a leftover tmp keeps its old mode under O_TRUNC.
  if (::fchmod(file.get(), kFileMode) != 0) return fail("chmod 0600", errno);
  if (const int error = write_all(file.get(), data); error != 0) return fail("write", error);
  if (::fsync(file.get()) != 0) return fail("fsync", errno);
  if (file.close() != 0) return fail("close", errno);
  if (::renameat(fd_, tmp.c_str(), fd_, name.c_str()) != 0) return fail("rename", errno);
  return sync();
}

model::Result<std::string> SpoolDir::read(const std::string& name, std::uint64_t limit) const {
  Fd file(::openat(fd_, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (file.get() < 0) return sys_error(path_ / name, "open", errno);
  struct stat st {};
  if (::fstat(file.get(), &st) != 0) return sys_error(path_ / name, "stat", errno);
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > limit)
    return model::Error{(path_ / name).string() + ": " + std::to_string(size) +
                        " bytes, more than the " + std::to_string(limit) + " expected"};
  std::string out(size, '\0');
  // A file that shrank since fstat comes back short: the caller's size check sees it.
  if (const int error = read_into(file.get(), out); error != 0)
    return sys_error(path_ / name, "read", error);
  return out;
}

model::Result<std::string> SpoolDir::read_prefix(const std::string& name, std::size_t max) const {
  Fd file(::openat(fd_, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (file.get() < 0) return sys_error(path_ / name, "open", errno);
  std::string out(max, '\0');
  if (const int error = read_into(file.get(), out); error != 0)
    return sys_error(path_ / name, "read", error);
  return out;
}

model::Result<std::uint64_t> SpoolDir::read_pieces(
    const std::string& name, std::uint64_t offset,
    const std::function<void(std::string_view)>& sink) const {
  Fd file(::openat(fd_, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (file.get() < 0) return sys_error(path_ / name, "open", errno);
  std::array<char, kPieceSize> piece{};
  std::uint64_t total = 0;
  for (;;) {
    const ssize_t n =
        ::pread(file.get(), piece.data(), piece.size(), static_cast<off_t>(offset + total));
    if (n < 0) {
      if (errno == EINTR) continue;
      return sys_error(path_ / name, "read", errno);
    }
    if (n == 0) return total;
    sink(std::string_view(piece.data(), static_cast<std::size_t>(n)));
    total += static_cast<std::uint64_t>(n);
  }
}

model::Status SpoolDir::remove(const std::string& name) const {
  if (::unlinkat(fd_, name.c_str(), 0) != 0) {
    if (errno == ENOENT) return model::Ok{};
    return sys_error(path_ / name, "unlink", errno);
  }
  return sync();
}

model::Result<std::string> SpoolDir::move_to(const std::string& name, const SpoolDir& to,
                                             const std::string& target) const {
  std::string candidate = target;
  for (int attempt = 1; attempt <= kMaxMoveAttempts; ++attempt) {
    if (::renameat2(fd_, name.c_str(), to.fd_, candidate.c_str(), RENAME_NOREPLACE) == 0) {
      if (auto synced = to.sync(); !synced) return synced.error();
      if (auto synced = sync(); !synced) return synced.error();
      return candidate;
    }
    if (errno != EEXIST) return sys_error(path_ / name, "rename", errno);
    candidate = target + "." + std::to_string(attempt);
  }
  return model::Error{(to.path_ / target).string() + ": no free name after " +
                      std::to_string(kMaxMoveAttempts) + " attempts"};
}

model::Status SpoolDir::make_private(const std::string& name) const {
  Fd file(::openat(fd_, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (file.get() < 0) return sys_error(path_ / name, "open", errno);
  if (::fchmod(file.get(), kFileMode) != 0) return sys_error(path_ / name, "chmod 0600", errno);
  return model::Ok{};
}

model::Status SpoolDir::sync() const {
  if (::fsync(fd_) != 0) return sys_error(path_, "fsync", errno);
  return model::Ok{};
}

}  // namespace zt::transport
