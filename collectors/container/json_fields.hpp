#pragma once
// Typed reads of an engine API answer's JSON fields, for the pure parsers. Engines disagree
// on empty values (Podman sends [] where Docker sends null, and leaves fields out), so an
// absent or null field reads as empty; a field of the wrong type is an error. The first error
// is kept (naming the field's path, "HostConfig.CapAdd: expected …") and later reads return
// empty values. Never throws.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zt::container {

class FieldReader {
 public:
  // `error` collects the first error of this reader and of the readers it makes.
  FieldReader(const nlohmann::json& object, std::string path, std::string& error);

  std::string text(std::string_view key) const;
  bool flag(std::string_view key) const;
  std::optional<long long> integer(std::string_view key) const;
  std::vector<std::string> texts(std::string_view key) const;
  // The object at `key`; an empty one when absent or null.
  FieldReader object(std::string_view key) const;
  // The array at `key` (empty when absent or null), each element checked to be an object.
  std::vector<FieldReader> objects(std::string_view key) const;

 private:
  const nlohmann::json* get(std::string_view key, nlohmann::json::value_t type,
                            std::string_view expected) const;
  void fail(std::string_view key, std::string_view expected, const nlohmann::json& value) const;
  std::string field(std::string_view key) const;

  const nlohmann::json* object_;
  std::string path_;
  std::string* error_;
};

// Parses an API answer body, which must be a JSON value of `type` (object or array).
// On failure, `error` says what `what` (e.g. "container inspect") was.
std::optional<nlohmann::json> parse_body(std::string_view text, nlohmann::json::value_t type,
                                         std::string_view what, std::string& error);

}  // namespace zt::container
