// HostFs's reads on Windows (host_fs.hpp), by std::filesystem. Host paths are "/"-separated
// under the root, which on Windows is a drive ("C:/"; "/" is the current drive's root).
// Windows has no mode bits or numeric owners: FileInfo's mode is 0644 for a file and 0755
// for a folder (0444 and 0555 when read-only), uid and gid 0; what a Windows collector needs
// of ACLs and owners it asks Windows itself.
#include <fstream>

#include "collectors/core/host_fs.hpp"

namespace zt::collector {
namespace fs = std::filesystem;

Result<std::string> HostFs::read_file(std::string_view host_path, std::size_t max_bytes) const {
  auto real = resolve(host_path);
  if (!real) return real.error();
  std::error_code ec;
  const fs::file_status status = fs::status(*real, ec);
  if (ec) return model::Error{describe(host_path) + ": " + ec.message()};
  if (!fs::is_regular_file(status))
    return model::Error{describe(host_path) + ": not a regular file"};
  std::ifstream in(*real, std::ios::binary);
  if (!in) return model::Error{describe(host_path) + ": cannot open"};
  std::string data;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    const auto n = static_cast<std::size_t>(in.gcount());
    if (data.size() + n > max_bytes)
      return model::Error{describe(host_path) + ": larger than the limit of " +
                          std::to_string(max_bytes) + " bytes"};
    data.append(buffer, n);
  }
  if (in.bad()) return model::Error{describe(host_path) + ": read failed"};
  return data;
}

Result<FileInfo> HostFs::stat(std::string_view host_path) const {
  auto real = resolve(host_path);
  if (!real) return real.error();
  std::error_code ec;
  const fs::file_status status = fs::status(*real, ec);
  if (ec) return model::Error{describe(host_path) + ": " + ec.message()};
  FileInfo info;
  const bool folder = fs::is_directory(status);
  info.type = folder ? FileType::directory
              : fs::is_regular_file(status) ? FileType::regular
                                            : FileType::other;
  const bool read_only = (status.permissions() & fs::perms::owner_write) == fs::perms::none;
  info.mode = folder ? (read_only ? 0555 : 0755) : (read_only ? 0444 : 0644);
  if (!folder) info.size = fs::file_size(*real, ec);
  const auto written = fs::last_write_time(*real, ec);
  if (!ec)
    info.modified = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
        std::chrono::file_clock::to_sys(written));
  return info;
}

Result<std::string> HostFs::read_link(std::string_view host_path) const {
  const std::size_t slash = host_path.find_last_of('/');
  if (host_path.empty() || host_path.front() != '/' || slash + 1 >= host_path.size())
    return model::Error{describe(host_path) + ": not an absolute host path to a file"};
  auto parent = resolve(slash == 0 ? std::string_view("/") : host_path.substr(0, slash));
  if (!parent) return parent.error();
  std::error_code ec;
  const fs::path target = fs::read_symlink(*parent / std::string(host_path.substr(slash + 1)), ec);
  if (ec) return model::Error{describe(host_path) + ": " + ec.message()};
  return target.generic_string();
}

bool HostFs::is_missing(std::string_view host_path) const {
  auto real = resolve(host_path);
  if (!real) return false;
  std::error_code ec;
  return fs::symlink_status(*real, ec).type() == fs::file_type::not_found;
}

}  // namespace zt::collector
