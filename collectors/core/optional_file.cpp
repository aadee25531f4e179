#include "collectors/core/optional_file.hpp"

namespace zt::collector {

std::optional<std::string> read_optional(const HostFs& fs, std::string_view host_path,
                                         std::size_t max_bytes,
                                         std::vector<std::string>& problems) {
  auto text = fs.read_file(host_path, max_bytes);
  if (text) return std::move(*text);
  if (!fs.is_missing(host_path)) problems.push_back("cannot read " + text.error().message);
  return std::nullopt;
}

}  // namespace zt::collector
