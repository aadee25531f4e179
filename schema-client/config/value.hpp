#pragma once
// One configuration value as the user wrote it (in a YAML file or an environment variable),
// and the typed parsers that the agent's and the ingest's configuration keys share. A parser
// returns the typed value, or a problem ("expected …, got …") that the loader prefixes with
// the location and the key. The secret parser never puts the value into its problem.
// Pure functions: no I/O, no logging, safe on any thread.
#include <chrono>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "schema-client/config/secret.hpp"
#include "schema-client/model/result.hpp"

namespace zt::config {

struct Value {
  enum class Shape { nothing, scalar, list, map };  // nothing: `key:` or `key: ~`
  Shape shape = Shape::nothing;
  std::string_view text;  // the scalar, as written
};

// How a problem shows what was written: "\"abc\"" (quoted, shortened), "a list", "a map",
// "nothing". Never used on secrets.
std::string shown(const Value& value);

// The problem "expected <what>, got <shown(value)>", for parsers of their own.
model::Error expected(std::string_view what, const Value& value);

// Whether `text` holds a space or a control character (a byte below 0x20, or 0x7f).
bool has_space_or_control(std::string_view text);

struct DurationRange {
  std::chrono::seconds min;
  std::chrono::seconds max;
  std::string_view text;  // "between 1s and 1h"
};
inline constexpr DurationRange kTimeoutRange{std::chrono::seconds(1), std::chrono::hours(1),
                                             "between 1s and 1h"};

// The log levels of a `log_level` key, as spdlog names them.
inline constexpr std::string_view kLogLevels[] = {"trace", "debug", "info", "warn", "error"};

// true/false (also True/TRUE/False/FALSE, as YAML 1.2 has them); not yes/no/on/off.
model::Result<bool> to_bool(const Value& value);
model::Result<long long> to_integer(const Value& value, long long min, long long max);
// Any scalar; nothing is "".
model::Result<std::string> to_text(const Value& value);
model::Result<std::string> to_choice(const Value& value, std::span<const std::string_view> choices);
model::Result<std::filesystem::path> to_absolute_path(const Value& value);
// Nothing or "" (the empty path: not set), else an absolute path.
model::Result<std::filesystem::path> to_optional_path(const Value& value);
// A duration as parse_duration (duration.hpp) reads it, within `range`.
model::Result<std::chrono::seconds> to_duration(const Value& value, const DurationRange& range);
// Durations inside `range` for an error message to show ("30s, 5m, 1h"; the minimum when none
// of those fits), so that a user who copies the example gets a value that is accepted.
std::string duration_examples(const DurationRange& range);

// What a secret may look like: one word (a token, a key), or one line (a connection string,
// which has spaces).
enum class SecretForm { word, line };
// Nothing or "" is "not set"; otherwise text of that form, never control characters.
model::Result<Secret> to_secret(const Value& value, SecretForm form = SecretForm::word);

}  // namespace zt::config
