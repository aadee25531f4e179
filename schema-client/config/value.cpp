#include "schema-client/config/value.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "schema-client/config/duration.hpp"

namespace zt::config {

namespace {

using Shape = Value::Shape;

bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f;
}

}  // namespace

std::string shown(const Value& value) {
  switch (value.shape) {
    case Shape::nothing: return "nothing";
    case Shape::list: return "a list";
    case Shape::map: return "a map";
    case Shape::scalar: break;
  }
  constexpr std::size_t kLongest = 60;
  std::string out = "\"";
  for (char c : value.text.substr(0, kLongest)) out += is_control(c) ? '?' : c;
  if (value.text.size() > kLongest) out += "...";
  out += '"';
  return out;
}

model::Error expected(std::string_view what, const Value& value) {
  return model::Error{"expected " + std::string(what) + ", got " + shown(value)};
}

bool has_space_or_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c == ' ' || is_control(c); });
}

model::Result<bool> to_bool(const Value& value) {
  if (value.shape == Shape::scalar) {
    const std::string_view text = value.text;
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
  }
  return expected("true or false", value);
}

model::Result<long long> to_integer(const Value& value, long long min, long long max) {
  if (value.shape == Shape::scalar) {
    const char* const end = value.text.data() + value.text.size();
    long long number = 0;
    const auto [rest, error] = std::from_chars(value.text.data(), end, number);
    if (error == std::errc() && rest == end && number >= min && number <= max) return number;
  }
  return expected("an integer between " + std::to_string(min) + " and " + std::to_string(max),
                  value);
}

model::Result<std::string> to_text(const Value& value) {
  if (value.shape == Shape::nothing) return std::string();
  if (value.shape == Shape::scalar) return std::string(value.text);
  return expected("text", value);
}

model::Result<std::string> to_choice(const Value& value,
                                     std::span<const std::string_view> choices) {
  if (value.shape == Shape::scalar &&
      std::find(choices.begin(), choices.end(), value.text) != choices.end()) {
    return std::string(value.text);
  }
  std::string what = "one of ";
  for (std::size_t i = 0; i < choices.size(); ++i) {
    what += (i == 0 ? "" : ", ") + std::string(choices[i]);
  }
  return expected(what, value);
}

model::Result<std::filesystem::path> to_absolute_path(const Value& value) {
  if (value.shape == Shape::scalar) {
    std::filesystem::path path(value.text);
    if (path.is_absolute()) return path;
  }
  return expected("an absolute path", value);
}

model::Result<std::filesystem::path> to_optional_path(const Value& value) {
  if (value.shape == Shape::nothing || (value.shape == Shape::scalar && value.text.empty()))
    return std::filesystem::path();
  return to_absolute_path(value);
}

model::Result<std::chrono::seconds> to_duration(const Value& value, const DurationRange& range) {
  if (value.shape == Shape::scalar) {
    const std::optional<std::chrono::seconds> duration = parse_duration(value.text);
    if (duration && *duration >= range.min && *duration <= range.max) return *duration;
  }
  return expected("a duration " + std::string(range.text) + " (e.g. " + duration_examples(range) +
                      ")",
                  value);
}

std::string duration_examples(const DurationRange& range) {
  using std::chrono::seconds;
  constexpr seconds kCandidates[] = {seconds(30), seconds(300), seconds(3600), seconds(86400)};
  std::string examples;
  for (const seconds candidate : kCandidates) {
    if (candidate < range.min || candidate > range.max) continue;
    examples += (examples.empty() ? "" : ", ") + format_duration(candidate);
  }
  return examples.empty() ? format_duration(range.min) : examples;
}

model::Result<Secret> to_secret(const Value& value, SecretForm form) {
  switch (value.shape) {
    case Shape::nothing: return Secret();
    case Shape::list:
    case Shape::map: return expected("text", value);  // shows only "a list" or "a map"
    case Shape::scalar: break;
  }
  if (form == SecretForm::word && has_space_or_control(value.text)) {
    return model::Error{
        "expected one word without spaces or control characters (the value is not shown)"};
  }
  if (form == SecretForm::line && std::any_of(value.text.begin(), value.text.end(), is_control)) {
    return model::Error{"expected one line without control characters (the value is not shown)"};
  }
  return Secret(std::string(value.text));
}

}  // namespace zt::config
