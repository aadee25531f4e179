#include "transport/key_store.hpp"

#include <nlohmann/json.hpp>

#include "transport/key_file.hpp"

namespace zt::transport {
namespace {

model::Result<StoredKey> parse_key_file(const std::string& text, const std::string& where) {
  const auto document = nlohmann::json::parse(text, nullptr, false);
  const auto corrupt = [&](const std::string& what) {
    return model::Error{where + ": corrupt key file (" + what +
                        "); delete it to enroll again, or set server.api_key"};
  };
  if (!document.is_object()) return corrupt("not a JSON object");
  StoredKey key;
  for (const char* name : {"agent_id", "api_key", "enrolled_at"}) {
    const auto found = document.find(name);
    if (found == document.end() || !found->is_string() || found->get<std::string>().empty())
      return corrupt(std::string(name) + " missing or not a non-empty string");
  }
  key.agent_id = document["agent_id"].get<std::string>();
  key.api_key = config::Secret(document["api_key"].get<std::string>());
  const auto enrolled_at = model::parse_timestamp(document["enrolled_at"].get<std::string>());
  if (!enrolled_at) return corrupt("enrolled_at is not an RFC 3339 time");
  key.enrolled_at = *enrolled_at;
  return key;
}

}  // namespace

KeyStore::KeyStore(std::filesystem::path state_dir)
    : directory_(std::move(state_dir)), file_(directory_ / kKeyFileName) {}

model::Result<std::optional<StoredKey>> KeyStore::load() const {
  auto text = read_key_file(file_);
  if (!text) return text.error();
  if (!*text) return std::optional<StoredKey>();
  auto key = parse_key_file(**text, file_.string());
  if (!key) return key.error();
  return std::optional<StoredKey>(std::move(key).value());
}

model::Status KeyStore::save(const StoredKey& key) const {
  const std::string text = nlohmann::json{{"agent_id", key.agent_id},
                                          {"api_key", key.api_key.reveal()},
                                          {"enrolled_at", model::format_timestamp(key.enrolled_at)}}
                               .dump(2) +
                           "\n";
  return write_key_file(directory_, file_, text);
}

}  // namespace zt::transport
