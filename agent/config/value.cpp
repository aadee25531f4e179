#include "agent/config/value.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "agent/config/duration.hpp"

namespace zt::agent {

namespace {

using Shape = Value::Shape;

model::Error expected(std::string_view what, const Value& value) {
  return model::Error{"expected " + std::string(what) + ", got " + shown(value)};
}

bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f;
}

bool has_space_or_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c == ' ' || is_control(c); });
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// host, [v6 address] or either with :port.
bool valid_authority(std::string_view authority) {
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':') return false;
    port = after.empty() ? after : after.substr(1);
    if (!after.empty() && port.empty()) return false;
  } else {
    const std::size_t colon = authority.find(':');
    if (colon == 0 || authority.empty()) return false;
    if (colon != std::string_view::npos) {
      port = authority.substr(colon + 1);
      if (port.empty()) return false;
    }
  }
  if (port.empty()) return true;
  long long number = 0;
  std::from_chars(port.data(), port.data() + port.size(), number);
  return all_digits(port) && port.size() <= 5 && number >= 1 && number <= 65535;
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

model::Result<std::chrono::seconds> to_duration(const Value& value, const DurationRange& range) {
  if (value.shape == Shape::scalar) {
    const std::optional<std::chrono::seconds> duration = parse_duration(value.text);
    if (duration && *duration >= range.min && *duration <= range.max) return *duration;
  }
  return expected("a duration " + std::string(range.text) + " (e.g. 30s, 5m, 1h)", value);
}

model::Result<std::string> to_url(const Value& value) {
  if (value.shape == Shape::nothing || (value.shape == Shape::scalar && value.text.empty())) {
    return std::string();
  }
  constexpr std::string_view kWhat =
      "an http(s) URL with a host (e.g. https://zerotrace.example.com) or an empty value";
  if (value.shape != Shape::scalar) return expected(kWhat, value);

  const std::string_view text = value.text;
  const std::size_t scheme_end = text.find("://");
  std::string scheme(text.substr(0, scheme_end == std::string_view::npos ? 0 : scheme_end));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  if (scheme != "https" && scheme != "http") return expected(kWhat, value);

  const std::string_view rest = text.substr(scheme_end + 3);
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  // Checked before anything that echoes the URL: a password must not reach the message.
  if (authority.find('@') != std::string_view::npos) {
    return model::Error{
        "must not contain a user name or password (the agent authenticates with "
        "server.api_key)"};
  }
  if (has_space_or_control(text) || !valid_authority(authority)) return expected(kWhat, value);
  return scheme + std::string(text.substr(scheme_end));
}

model::Result<Secret> to_secret(const Value& value) {
  switch (value.shape) {
    case Shape::nothing: return Secret();
    case Shape::list:
    case Shape::map: return expected("text", value);  // shows only "a list" or "a map"
    case Shape::scalar: break;
  }
  if (has_space_or_control(value.text)) {
    return model::Error{
        "expected one word without spaces or control characters (the value is not shown)"};
  }
  return Secret(std::string(value.text));
}

model::Result<nlohmann::json> to_option(const collector::OptionSpec& spec, const Value& value) {
  switch (spec.type) {
    case collector::OptionType::boolean: {
      model::Result<bool> parsed = to_bool(value);
      if (!parsed) return parsed.error();
      return nlohmann::json(*parsed);
    }
    case collector::OptionType::integer: {
      model::Result<long long> parsed = to_integer(value, spec.min, spec.max);
      if (!parsed) return parsed.error();
      return nlohmann::json(*parsed);
    }
    case collector::OptionType::text: {
      model::Result<std::string> parsed = to_text(value);
      if (!parsed) return parsed.error();
      return nlohmann::json(*parsed);
    }
    case collector::OptionType::text_list: break;
  }
  return model::Error{"expected a list of text, got " + shown(value)};
}

}  // namespace zt::agent
