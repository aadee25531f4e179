#include "agent/config/value.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace zt::agent {

namespace {

using config::expected;
using config::Value;
using Shape = Value::Shape;

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
  if (config::has_space_or_control(text) || !valid_authority(authority)) {
    return expected(kWhat, value);
  }
  return scheme + std::string(text.substr(scheme_end));
}

model::Result<nlohmann::json> to_option(const collector::OptionSpec& spec, const Value& value) {
  switch (spec.type) {
    case collector::OptionType::boolean: {
      model::Result<bool> parsed = config::to_bool(value);
      if (!parsed) return parsed.error();
      return nlohmann::json(*parsed);
    }
    case collector::OptionType::integer: {
      model::Result<long long> parsed = config::to_integer(value, spec.min, spec.max);
      if (!parsed) return parsed.error();
      return nlohmann::json(*parsed);
    }
    case collector::OptionType::text: {
      model::Result<std::string> parsed = config::to_text(value);
      if (!parsed) return parsed.error();
      if (spec.check != nullptr)
        if (model::Status checked = spec.check(*parsed); !checked) return checked.error();
      return nlohmann::json(*parsed);
    }
    case collector::OptionType::text_list: break;
  }
  return model::Error{"expected a list of text, got " + config::shown(value)};
}

}  // namespace zt::agent
