#include "transport/client_options_check.hpp"

#include <cerrno>
#include <fstream>
#include <system_error>

namespace zt::transport {
namespace {

model::Status check_readable(std::string_view option, const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return model::Error{std::string(option) + ": cannot read " + path.string() + ": " +
                        std::error_code(errno, std::generic_category()).message()};
  return model::Ok{};
}

}  // namespace

model::Status check_client_options(const ClientOptions& options) {
  if (options.connect_timeout.count() <= 0 || options.total_timeout.count() <= 0)
    return model::Error{"connect_timeout and total_timeout must be positive"};
  if (options.max_answer_bytes == 0) return model::Error{"max_answer_bytes must be positive"};
  if (!options.ca_file.empty())
    if (auto ok = check_readable("ca_file", options.ca_file); !ok) return ok;
  if (options.client_certificate.empty() != options.client_key.empty())
    return model::Error{"client_certificate and client_key go together: set both or neither"};
  if (!options.client_certificate.empty()) {
    if (auto ok = check_readable("client_certificate", options.client_certificate); !ok) return ok;
    if (auto ok = check_readable("client_key", options.client_key); !ok) return ok;
  }
  return model::Ok{};
}

}  // namespace zt::transport
