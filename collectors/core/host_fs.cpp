#include "collectors/core/host_fs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>

namespace zt::collector {
namespace {

constexpr int kMaxSymlinks = 40;  // as the kernel's MAXSYMLINKS

std::deque<std::string> split_path(std::string_view path) {
  std::deque<std::string> parts;
  std::size_t pos = 0;
  while (pos < path.size()) {
    const std::size_t next = std::min(path.find('/', pos), path.size());
    if (next > pos) parts.emplace_back(path.substr(pos, next - pos));
    pos = next + 1;
  }
  return parts;
}

std::filesystem::path join(const std::filesystem::path& root,
                           const std::vector<std::string>& parts) {
  std::filesystem::path p = root;
  for (const std::string& part : parts) p /= part;
  return p;
}

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

HostFs::HostFs(std::filesystem::path root) : root_(std::move(root)) {
  if (root_.empty()) root_ = "/";
}

std::string HostFs::describe(std::string_view host_path) const {
  std::string text{host_path};
  if (root_ != "/") text += " (under " + root_.string() + ")";
  return text;
}

Result<std::filesystem::path> HostFs::resolve(std::string_view host_path) const {
  if (host_path.empty() || host_path.front() != '/')
    return model::Error{describe(host_path) + ": not an absolute host path"};
  std::deque<std::string> pending = split_path(host_path);
  std::vector<std::string> done;
  int links = 0;
  while (!pending.empty()) {
    std::string part = std::move(pending.front());
    pending.pop_front();
    if (part == ".") continue;
    if (part == "..") {
      if (!done.empty()) done.pop_back();  // ".." at the root stays at the root
      continue;
    }
    done.push_back(std::move(part));
    const std::filesystem::path real = join(root_, done);
    struct stat st {};
    if (::lstat(real.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) continue;
    if (++links > kMaxSymlinks)
      return model::Error{describe(host_path) + ": too many levels of symbolic links"};
    char target[4096];
    const ssize_t n = ::readlink(real.c_str(), target, sizeof target - 1);
    if (n < 0) return model::Error{describe(host_path) + ": " + std::strerror(errno)};
    const std::string_view link{target, static_cast<std::size_t>(n)};
    done.pop_back();
    if (link.starts_with('/')) done.clear();
    std::deque<std::string> link_parts = split_path(link);
    pending.insert(pending.begin(), link_parts.begin(), link_parts.end());
  }
  return join(root_, done);
}

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

Result<std::vector<std::string>> HostFs::list_dir(std::string_view host_path) const {
  auto real = resolve(host_path);
  if (!real) return real.error();
  std::error_code ec;
  std::vector<std::string> names;
  for (std::filesystem::directory_iterator it(*real, ec), end; !ec && it != end;
       it.increment(ec))
    names.push_back(it->path().filename().string());
  if (ec) return model::Error{describe(host_path) + ": " + ec.message()};
  std::sort(names.begin(), names.end());
  return names;
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

bool HostFs::exists(std::string_view host_path) const { return stat(host_path).ok(); }

bool HostFs::is_missing(std::string_view host_path) const {
  auto real = resolve(host_path);
  if (!real) return false;
  struct stat st {};
  return ::lstat(real->c_str(), &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
}

}  // namespace zt::collector
