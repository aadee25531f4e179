// HostFs's reads on Linux (host_fs.hpp): POSIX calls, for what std::filesystem does not say
// (owner, mode) or does not do (a read that cannot block on a FIFO or claim a terminal).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "collectors/core/host_fs.hpp"

namespace zt::collector {
namespace {

FileInfo to_file_info(const struct stat& st) {
  FileInfo info;
  if (S_ISREG(st.st_mode)) info.type = FileType::regular;
  else if (S_ISDIR(st.st_mode)) info.type = FileType::directory;
  else if (S_ISLNK(st.st_mode)) info.type = FileType::symlink;
  else if (S_ISSOCK(st.st_mode)) info.type = FileType::socket;
  info.mode = st.st_mode & 07777;
  info.uid = st.st_uid;
  info.gid = st.st_gid;
  info.size = static_cast<std::uint64_t>(st.st_size);
  info.modified = std::chrono::system_clock::time_point{
      std::chrono::seconds{st.st_mtim.tv_sec} +
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::nanoseconds{st.st_mtim.tv_nsec})};
  return info;
}

}  // namespace

Result<std::string> HostFs::read_file(std::string_view host_path, std::size_t max_bytes) const {
  auto real = resolve(host_path);
  if (!real) return real.error();
  const int fd = ::open(real->c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return model::Error{describe(host_path) + ": " + std::strerror(errno)};
  struct stat st {};
  if (::fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
    ::close(fd);
    return model::Error{describe(host_path) + ": not a regular file"};
  }
  // Files under /proc report size 0: read until end of file, up to the cap.
  std::string data;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int saved = errno;
      ::close(fd);
      return model::Error{describe(host_path) + ": " + std::strerror(saved)};
    }
    if (n == 0) break;
    if (data.size() + static_cast<std::size_t>(n) > max_bytes) {
      ::close(fd);
      return model::Error{describe(host_path) + ": larger than the limit of " +
                          std::to_string(max_bytes) + " bytes"};
    }
    data.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return data;
}

Result<FileInfo> HostFs::stat(std::string_view host_path) const {
  auto real = resolve(host_path);
  if (!real) return real.error();
  struct stat st {};
  if (::stat(real->c_str(), &st) != 0)
    return model::Error{describe(host_path) + ": " + std::strerror(errno)};
  return to_file_info(st);
}

Result<std::string> HostFs::read_link(std::string_view host_path) const {
  const std::size_t slash = host_path.find_last_of('/');
  if (host_path.empty() || host_path.front() != '/' || slash + 1 >= host_path.size())
    return model::Error{describe(host_path) + ": not an absolute host path to a file"};
  auto parent = resolve(slash == 0 ? std::string_view("/") : host_path.substr(0, slash));
  if (!parent) return parent.error();
  const std::filesystem::path link = *parent / std::string(host_path.substr(slash + 1));
  char target[4096];
  const ssize_t n = ::readlink(link.c_str(), target, sizeof target - 1);
  if (n < 0) return model::Error{describe(host_path) + ": " + std::strerror(errno)};
  return std::string(target, static_cast<std::size_t>(n));
}

bool HostFs::is_missing(std::string_view host_path) const {
  auto real = resolve(host_path);
  if (!real) return false;
  struct stat st {};
  return ::lstat(real->c_str(), &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
}

}  // namespace zt::collector
