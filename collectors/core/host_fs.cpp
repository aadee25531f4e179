// HostFs's resolution of host paths under the root, and what reads through it portably; the
// reads that differ per platform are in host_fs_linux.cpp and host_fs_windows.cpp.
#include "collectors/core/host_fs.hpp"

#include <algorithm>
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
    std::error_code ec;
    if (!std::filesystem::is_symlink(std::filesystem::symlink_status(real, ec))) continue;
    if (++links > kMaxSymlinks)
      return model::Error{describe(host_path) + ": too many levels of symbolic links"};
    // generic_string: "/" between the parts on Windows too.
    const std::string link = std::filesystem::read_symlink(real, ec).generic_string();
    if (ec) return model::Error{describe(host_path) + ": " + ec.message()};
    done.pop_back();
    if (link.starts_with('/')) done.clear();
    std::deque<std::string> link_parts = split_path(link);
    pending.insert(pending.begin(), link_parts.begin(), link_parts.end());
  }
  return join(root_, done);
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

bool HostFs::exists(std::string_view host_path) const { return stat(host_path).ok(); }

}  // namespace zt::collector
