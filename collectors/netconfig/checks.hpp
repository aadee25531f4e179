#pragma once
// The checks of an IOS configuration: each a row {id, function}, its id the id of its
// standard in conf/netconfig/standards.yaml (which gives the title, severity, remediation and
// frameworks; a test keeps both lists equal). A check reads the typed model and adds an Issue
// per thing it finds wrong, naming the lines, the affected component and what exactly is
// wrong, never a secret's value. Checks are grouped by family, one file each
// (checks_<family>.cpp). Pure.
#include <chrono>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/netconfig/ios_model.hpp"
#include "collectors/netconfig/standards.hpp"

namespace zt::netconfig {

struct Issue {
  std::string check_id;
  std::vector<LineNo> lines;  // may be empty (a missing command); the audit sorts them
  std::string component;      // "global", "line vty 0 4", "interface Gi0/1", "access-list 101"
  std::string detail;         // what exactly: "the type 7 value decodes to 5 characters"
};

struct CheckContext {
  const IosConfig& config;
  std::chrono::sys_days today;      // for the firmware's end of support
  std::string_view salt;            // for the hashes that tell secrets apart in components
  const StandardSet& standards;     // the firmware table
  std::size_t* acl_budget;          // comparisons left for the shadow analysis
  std::vector<std::string>* notes;  // what the audit could not fully do
};

using CheckFunction = void (*)(const CheckContext& context, std::vector<Issue>& out);

struct Check {
  std::string_view id;
  CheckFunction run;
};

std::span<const Check> password_checks();
std::span<const Check> management_checks();
std::span<const Check> snmp_checks();
std::span<const Check> service_checks();
std::span<const Check> logging_checks();
std::span<const Check> crypto_checks();
std::span<const Check> acl_checks();
std::span<const Check> firmware_checks();

// Every check, family after family.
std::vector<Check> ios_checks();

// The checks of an Arista EOS configuration (parsed into the same model, Dialect::eos), ids
// `eos_…` (checks_eos.cpp): the IOS checks whose meaning and syntax EOS shares, under their
// EOS id, and the EOS-specific ones. The audit gives an issue the id of the row that ran.
std::vector<Check> eos_checks();

// Helpers the families share.
inline constexpr std::string_view kGlobal = "global";
std::string lower(std::string_view text);
// Why an SNMP community is guessable ("a well-known default or common word", "the device's
// host name", "shorter than 8 characters"), or "" when it is not.
std::string guessable_community(std::string_view community, std::string_view host_name);
// A community named without giving it away: `prefix` + its masked prefix and salted hash.
std::string community_component(std::string_view prefix, std::string_view community,
                                std::string_view salt);
// An interface facing outside: `ip nat outside`, or a description saying so ("internet", "wan").
bool external_interface(const Interface& i);
// The issue `check_id` for `version` when a row of the firmware table of `vendor` matches it
// (`matches(release, version)`) and its support ended before today; nothing otherwise.
void firmware_past_support(const CheckContext& c, std::string_view vendor, std::string_view check_id,
                           const Located& version,
                           bool (*matches)(std::string_view release, std::string_view version),
                           std::vector<Issue>& out);

}  // namespace zt::netconfig
