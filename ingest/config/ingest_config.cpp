#include "ingest/config/ingest_config.hpp"

#include <string>
#include <utility>

#include "ingest/config/ingest_fields.hpp"
#include "schema-client/config/reader.hpp"

namespace zt::ingest {

namespace {

constexpr std::string_view kDefaultsSource = "(built-in defaults)";

// One run of the loader: starts from the defaults, applies the document, then the
// environment, then the checks that need more than one key; collects the errors on the way.
class Loader {
 public:
  Loader(std::string_view file_name, const config::EnvLookup& env)
      : reader_(std::string(file_name)), env_(env) {
    config_.source = file_name;
  }

  void read_document(std::string_view yaml_text) {
    reader_.read_document(yaml_text, [&](const YAML::Node& root) {
      reader_.read_sections(root, kSectionNames, [&](const std::string& key,
                                                     const YAML::Node& key_node,
                                                     const YAML::Node& value) {
        reader_.read_section(key_node, value, key, section_fields(key), config_);
      });
    });
  }

  void apply_environment() {
    for (std::string_view section : kSectionNames) {
      reader_.apply_environment(section, section_fields(section), config_, env_);
    }
  }

  model::Result<IngestConfig> finish() && {
    check_limits();
    check_tls();
    const model::Status status = reader_.status();
    if (!status) return status.error();
    return std::move(config_);
  }

 private:
  // Where `key` was set, else where `fallback` was, else the source: a check that involves
  // two keys points at the one the user wrote.
  std::string where(std::string_view key, std::string_view fallback) const {
    if (const std::string* at = reader_.where_set(key)) return *at;
    if (const std::string* at = reader_.where_set(fallback)) return *at;
    return config_.source;
  }

  // A body must fit after decompression, or no gzip request could ever pass.
  void check_limits() {
    constexpr std::string_view kBody = "limits.max_body_bytes";
    constexpr std::string_view kDecompressed = "limits.max_decompressed_bytes";
    const IngestConfig::Limits& limits = config_.limits;
    if (reader_.refused(kBody) || reader_.refused(kDecompressed) ||
        limits.max_decompressed_bytes >= limits.max_body_bytes) {
      return;
    }
    if (reader_.where_set(kDecompressed) != nullptr || reader_.where_set(kBody) == nullptr) {
      reader_.report(where(kDecompressed, kBody), kDecompressed,
                     "must be at least limits.max_body_bytes (" +
                         std::to_string(limits.max_body_bytes) + "), got " +
                         std::to_string(limits.max_decompressed_bytes));
    } else {
      reader_.report(where(kBody, kDecompressed), kBody,
                     "must be at most limits.max_decompressed_bytes (" +
                         std::to_string(limits.max_decompressed_bytes) + "), got " +
                         std::to_string(limits.max_body_bytes));
    }
  }

  // TLS on needs both files named; whether they exist is the server's check when it starts.
  void check_tls() {
    if (!config_.tls.enabled || reader_.refused("tls.enabled")) return;
    const std::pair<std::string_view, const std::filesystem::path*> files[] = {
        {"tls.certificate_file", &config_.tls.certificate_file},
        {"tls.key_file", &config_.tls.key_file}};
    for (const auto& [key, path] : files) {
      if (!path->empty() || reader_.refused(key)) continue;
      reader_.report(where(key, "tls.enabled"), key,
                     "required when tls.enabled is true (tls.enabled: false is the only way "
                     "to plain HTTP)");
    }
  }

  config::Reader reader_;
  const config::EnvLookup& env_;
  IngestConfig config_;
};

}  // namespace

model::Result<IngestConfig> default_ingest_config(const config::EnvLookup& env) {
  Loader loader(kDefaultsSource, env);
  loader.apply_environment();
  return std::move(loader).finish();
}

model::Result<IngestConfig> parse_ingest_config(std::string_view yaml_text,
                                                std::string_view file_name,
                                                const config::EnvLookup& env) {
  Loader loader(file_name, env);
  loader.read_document(yaml_text);
  loader.apply_environment();
  return std::move(loader).finish();
}

model::Result<IngestConfig> load_ingest_config(const std::filesystem::path& file,
                                               const config::EnvLookup& env) {
  const model::Result<std::string> text = config::read_config_file(file);
  if (!text) return text.error();
  return parse_ingest_config(*text, file.string(), env);
}

std::vector<config::KeyDoc> documented_ingest_keys() {
  std::vector<config::KeyDoc> docs;
  for (std::string_view section : kSectionNames) {
    config::document_fields(docs, section, section_fields(section));
  }
  return docs;
}

}  // namespace zt::ingest
