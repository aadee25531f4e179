#pragma once
// The strict reading every wire contract's reader shares (wire_format.hpp, enrollment.hpp,
// heartbeat.hpp, collector_outcome.hpp, machine_identity.hpp): ObjectReader walks one JSON
// object, refuses keys it does not know and values of the wrong type, and records each
// problem with its JSON path ("$.scan.results.auth.status"). Nothing throws: a value that
// cannot be read is recorded and a neutral one returned, so one pass finds every problem.
// Pure; any thread.
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/result.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::model {

class ObjectReader {
 public:
  // Records "expected object" when `value` is not one, and every key not in `known_keys`.
  ObjectReader(const nlohmann::json& value, std::string path, std::vector<Problem>& problems,
               std::initializer_list<std::string_view> known_keys);

  bool is_object() const { return value_.is_object(); }
  const std::string& path() const { return path_; }
  std::string path_of(std::string_view key) const { return path_ + "." + std::string(key); }

  // The value at `key`, or nullptr when absent (a problem when required).
  const nlohmann::json* get(std::string_view key, bool required);
  std::string text(std::string_view key, bool required = false);
  std::optional<long long> integer(std::string_view key, long long min, long long max,
                                   bool required = false);
  std::optional<double> number(std::string_view key, double min, double max);
  // An object, {} when absent or of another type.
  nlohmann::json object(std::string_view key);
  // The array at `key`, nullptr when absent or not an array.
  const nlohmann::json* array(std::string_view key, bool required);
  // An RFC 3339 timestamp; a null is "absent" unless required.
  std::optional<Timestamp> timestamp(std::string_view key, bool required);
  // One of the names `parse` knows, listed in `allowed` for the message.
  template <typename Enum>
  std::optional<Enum> one_of(std::string_view key, std::optional<Enum> (*parse)(std::string_view),
                             std::string_view allowed, bool required = true) {
    const nlohmann::json* v = get(key, required);
    if (v == nullptr) return std::nullopt;
    if (v->is_string())
      if (auto parsed = parse(v->get_ref<const std::string&>())) return parsed;
    fail(path_of(key), "must be one of " + std::string(allowed) + ", got " + v->dump());
    return std::nullopt;
  }

  void fail(std::string path, std::string message);

 private:
  void wrong_type(std::string_view key, std::string_view expected, const nlohmann::json& got);

  const nlohmann::json& value_;
  std::string path_;
  std::vector<Problem>& problems_;
};

// Appends the problems of `more` about a path that `problems` does not name yet (a value
// already refused by its type is not refused again by a later check).
void add_unreported(std::vector<Problem>& problems, std::vector<Problem> more);

}  // namespace zt::model
