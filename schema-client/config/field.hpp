#pragma once
// A configuration key in a table of keys: its name, its help text, whether an environment
// variable overrides it, and its setter, which parses the Value and stores it in the section
// (or returns the problem). The loaders walk these tables (reader.hpp); the "known keys" of
// their errors, the environment overrides and the documentation all come from them.
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema-client/config/value.hpp"
#include "schema-client/model/result.hpp"

namespace zt::config {

template <typename Section>
struct Field {
  std::string_view key;
  std::string_view help;
  bool from_environment;  // ZEROTRACE_<SECTION>_<KEY> overrides the file
  model::Status (*set)(Section& section, const Value& value);
};

// Stores a parsed value, or passes its problem on: `assign(s.port, to_integer(v, 1, 65535))`.
template <typename Target, typename Parsed>
model::Status assign(Target& target, model::Result<Parsed> parsed) {
  if (!parsed) return parsed.error();
  target = static_cast<Target>(std::move(parsed).value());
  return model::Ok{};
}

// ("server", "api_key") → "ZEROTRACE_SERVER_API_KEY".
std::string environment_name(std::string_view section, std::string_view key);

// ("", "agent") → "agent"; ("agent", "name") → "agent.name".
std::string dotted(std::string_view path, std::string_view key);

// A key, dotted ("limits.max_body_bytes"), with its help text and its environment variable
// ("" when none): for documentation, and for checking a commented default file against.
struct KeyDoc {
  std::string key;
  std::string help;
  std::string environment;
};

template <typename Section>
void document_fields(std::vector<KeyDoc>& docs, std::string_view section,
                     std::span<const Field<Section>> fields) {
  for (const Field<Section>& field : fields) {
    docs.push_back({dotted(section, field.key), std::string(field.help),
                    field.from_environment ? environment_name(section, field.key) : ""});
  }
}

}  // namespace zt::config
