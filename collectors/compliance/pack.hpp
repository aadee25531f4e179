#pragma once
// A rule pack as loaded (PACKS.md): plain data, validated by pack_loader. Regexes are compiled
// once, when the pack is loaded.
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "schema-client/model/severity.hpp"

namespace zt::compliance {

struct Regex {
  std::string source;
  std::shared_ptr<const std::regex> compiled;
};

// `expect`: one comparison of an observed value (PACKS.md).
struct Expect {
  enum class Op { equals, not_equals, matches, in, not_in, min, max, between };
  Op op = Op::equals;
  std::vector<std::string> values;  // equals, not_equals (one), in, not_in
  std::optional<Regex> regex;       // matches
  long long low = 0;                // min, between
  long long high = 0;               // max, between
};

// One probe: its type and its arguments, checked against the type's table (probe_specs.hpp).
struct Probe {
  std::string type;
  std::map<std::string, std::string, std::less<>> text;  // text and mode arguments
  std::map<std::string, bool, std::less<>> flags;
  std::vector<std::string> list;  // the one list argument (mount's options)
  std::optional<Regex> regex;     // the one regex argument (matches, argument)
  std::optional<Expect> expect;

  // The argument, or `fallback` when the pack does not give it.
  std::string text_or(std::string_view key, std::string_view fallback = "") const;
  std::optional<bool> flag(std::string_view key) const;
};

struct Check {
  enum class Kind { all, any, none, probe };
  Kind kind = Kind::probe;
  std::vector<Check> children;  // all, any, none
  Probe probe;                  // probe
};

struct References {
  std::string cis;
  std::vector<std::string> nist_800_53;
  std::vector<std::string> pci_dss;
  std::vector<std::string> iso_27001;
};

struct Control {
  std::string id;
  std::string title;
  std::string section;
  std::vector<std::string> profiles;
  model::Severity severity = model::Severity::info;
  References references;
  std::string description;
  std::string rationale;
  std::string remediation;
  std::optional<Check> applies_if;
  std::optional<Check> check;  // nullopt: manual
  std::string manual;          // why it needs a person
};

struct Platform {
  std::string id;
  std::string version_id;  // "" any; exact; or a prefix ending in "."
};

struct Pack {
  std::string file;  // where it was loaded from (agent-side path)
  std::string id;
  std::string title;
  std::string version;
  std::string framework;
  std::vector<Platform> platform;  // empty: every platform
  std::vector<std::string> profiles;
  std::vector<Control> controls;
};

}  // namespace zt::compliance
