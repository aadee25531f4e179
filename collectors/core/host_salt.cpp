#include "collectors/privacy/salt.hpp"

#include "collectors/privacy/host_paths.hpp"
#include "schema-client/model/digest.hpp"

namespace zt::privacy {

Salt host_salt(const collector::HostFs& fs, const std::string& option) {
  if (!option.empty()) return {model::sha256_hex("zerotrace-privacy\n" + option), "option"};
  for (const std::string_view path : kSaltSources) {
    auto content = fs.read_file(path, kSaltSourceMaxBytes);
    if (content && !content->empty())
      return {model::sha256_hex("zerotrace-privacy\n" + *content), std::string(path)};
  }
  return {model::sha256_hex("zerotrace-privacy\n"), "none"};
}

}  // namespace zt::privacy
