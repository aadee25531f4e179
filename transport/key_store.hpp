#pragma once
// KeyStore: the api key the agent got when it enrolled, kept in <state_dir>/agent.key as
// JSON {"agent_id", "api_key", "enrolled_at"}, mode 0600, owned by the agent's user.
//
// save() is atomic and durable: a temporary file beside it (0600 from creation), written,
// fsync'd, renamed over agent.key, then the directory fsync'd; a crash leaves the old key or
// the new one, never half of either. It creates the state directory (0700) when missing.
// load() gives nullopt when there is no key file (enroll, or use the config's key), and an
// Error — and no key — when the file is unreadable, not a regular file, a symbolic link,
// readable or writable by others (mode wider than 0600), owned by another user, or corrupt:
// a key that others could have read is a key to rotate, not to use. Errors name the file,
// never the key. On Windows an ACL takes the place of the mode and owner (key_file.hpp). Not
// synchronised: the agent's delivery thread owns it.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "schema-client/config/secret.hpp"
#include "schema-client/model/result.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::transport {

inline constexpr std::string_view kKeyFileName = "agent.key";

struct StoredKey {
  std::string agent_id;
  config::Secret api_key;
  model::Timestamp enrolled_at{};
};

class KeyStore {
 public:
  explicit KeyStore(std::filesystem::path state_dir);

  const std::filesystem::path& file() const { return file_; }

  model::Result<std::optional<StoredKey>> load() const;
  model::Status save(const StoredKey& key) const;

 private:
  std::filesystem::path directory_;
  std::filesystem::path file_;
};

}  // namespace zt::transport
