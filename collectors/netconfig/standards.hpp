#pragma once
// The audit's standards: one entry per check (id, title, default severity, remediation, the
// frameworks it serves) and the dated end-of-support table of firmware releases, read from
// conf/netconfig/standards.yaml, the one source of truth, which the build embeds
// (standards_text.cpp.in). load_standards parses such a text with yaml-cpp, strictly: an
// unknown key, a missing field, a bad severity or date is an error naming the line.
// shipped_standards() is the embedded file, loaded once (thread-safe); a test guarantees it
// loads without error. No I/O; nothing throws.
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema-client/model/result.hpp"
#include "schema-client/model/severity.hpp"

namespace zt::netconfig {

struct FrameworkRefs {
  std::string framework;                  // "cis_cisco_ios_15", "nist_800_53", "pci_dss_4"
  std::vector<std::string> requirements;  // "1.4.1", "IA-5(1)", "8.3.2"
  bool operator==(const FrameworkRefs&) const = default;
};

struct Standard {
  std::string id;
  std::string vendor;
  std::string category;
  std::string title;
  model::Severity severity = model::Severity::medium;
  std::string check_type;
  std::string check_pattern;
  std::string expected_value;
  std::string description;
  std::string remediation;
  std::vector<FrameworkRefs> frameworks;  // in the file's order
};

// The frameworks `standard` serves, as config_findings and config_standards hold them:
// [{framework, requirements}] in the file's order, without the frameworks it lists empty.
nlohmann::json frameworks_json(const Standard& standard);

struct EndOfSupport {
  std::string vendor;
  std::string release;  // "12.4": matches `version 12.4`
  std::chrono::sys_days last_support;
  std::string source;
};

struct StandardSet {
  std::string name;
  std::vector<Standard> standards;
  std::vector<EndOfSupport> firmware;
  // nullptr when no standard has this id.
  const Standard* find(std::string_view id) const;
};

// Every problem of `yaml`, each as "<source>:<line>:<column>: <path>: <problem>".
model::Result<StandardSet> load_standards(std::string_view yaml, std::string_view source);

// The text of conf/netconfig/standards.yaml as built in.
std::string_view shipped_standards_text();
// The built-in standards; empty (and `errors` not) only if the embedded file is broken.
struct ShippedStandards {
  StandardSet set;
  std::vector<std::string> errors;
};
const ShippedStandards& shipped_standards();

}  // namespace zt::netconfig
