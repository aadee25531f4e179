#include "schema-client/config/sources.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace zt::config {

namespace {

constexpr std::uintmax_t kMaxFileSize = 1024 * 1024;

}  // namespace

EnvLookup process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

model::Result<std::string> read_config_file(const std::filesystem::path& file) {
  const auto cannot_read = [&](const std::string& why) {
    return model::Error{file.string() + ": cannot read the configuration file: " + why};
  };
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(file, error);
  if (error) return cannot_read(error.message());
  if (std::filesystem::is_directory(status)) return cannot_read("it is a directory");
  const std::uintmax_t size = std::filesystem::file_size(file, error);
  if (!error && size > kMaxFileSize) return cannot_read("it is larger than 1 MiB");

  std::ifstream in(file, std::ios::binary);
  if (!in) return cannot_read(std::generic_category().message(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return cannot_read(std::generic_category().message(errno));
  return text.str();
}

}  // namespace zt::config
