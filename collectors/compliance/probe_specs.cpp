#include "collectors/compliance/probe_specs.hpp"

#include <algorithm>

#include "collectors/compliance/probes.hpp"

namespace zt::compliance {
namespace {

using enum ArgKind;

constexpr std::string_view kFileTypes[] = {"file", "dir", "symlink"};
constexpr std::string_view kSyntaxes[] = {"space", "equals"};
constexpr std::string_view kWhere[] = {"runtime", "persistent", "both"};
constexpr std::string_view kPamTypes[] = {"auth", "account", "password", "session"};

constexpr ArgSpec kFile[] = {{"path", text, true},  {"exists", flag},  {"type", text, false, kFileTypes},
                             {"mode_max", mode},    {"owner", text},   {"group", text},
                             {"optional", flag}};
constexpr ArgSpec kFileLine[] = {
    {"path", text, true}, {"matches", regex, true}, {"present", flag}, {"optional", flag}};
constexpr ArgSpec kFileValue[] = {{"path", text, true},
                                  {"key", text, true},
                                  {"syntax", text, false, kSyntaxes},
                                  {"expect", expect, true},
                                  {"optional", flag}};
constexpr ArgSpec kSysctl[] = {
    {"key", text, true}, {"expect", expect, true}, {"where", text, false, kWhere}};
constexpr ArgSpec kKernelModule[] = {{"name", text, true}, {"loaded", flag}, {"disabled", flag}};
constexpr ArgSpec kMount[] = {{"path", text, true}, {"separate", flag}, {"options", list}};
constexpr ArgSpec kPackage[] = {{"name", text, true}, {"installed", flag}};
constexpr ArgSpec kSystemdUnit[] = {{"name", text, true}, {"enabled", flag}, {"masked", flag}};
constexpr ArgSpec kSshd[] = {{"option", text, true}, {"expect", expect, true}};
constexpr ArgSpec kPam[] = {{"file", text, true},   {"type", text, true, kPamTypes},
                            {"module", text, true}, {"argument", regex},
                            {"present", flag}};
constexpr ArgSpec kLoginDefs[] = {{"key", text, true}, {"expect", expect, true}};
constexpr ArgSpec kAuditRule[] = {{"matches", regex, true}, {"present", flag}};
constexpr ArgSpec kAccounts[] = {{"test", text, true}, {"expect", expect}};

std::string check_accounts(const Probe& probe) {
  const std::string test = probe.text_or("test");
  if (!is_accounts_test(test)) return "test: unknown test \"" + test + "\"";
  if (accounts_test_needs_expect(test) && !probe.expect)
    return "expect: missing (the test " + test + " needs it)";
  if (!accounts_test_needs_expect(test) && probe.expect)
    return "expect: the test " + test + " takes none";
  return "";
}

std::string check_module(const Probe& probe) {
  if (!probe.flag("loaded") && !probe.flag("disabled")) return "loaded or disabled: missing";
  return "";
}

std::string check_unit(const Probe& probe) {
  if (!probe.flag("enabled") && !probe.flag("masked")) return "enabled or masked: missing";
  return "";
}

constexpr ProbeSpec kSpecs[] = {
    {"file", kFile, &probe_file},
    {"file_line", kFileLine, &probe_file_line},
    {"file_value", kFileValue, &probe_file_value},
    {"sysctl", kSysctl, &probe_sysctl},
    {"kernel_module", kKernelModule, &probe_kernel_module, &check_module},
    {"mount", kMount, &probe_mount},
    {"package", kPackage, &probe_package},
    {"systemd_unit", kSystemdUnit, &probe_systemd_unit, &check_unit},
    {"sshd", kSshd, &probe_sshd},
    {"pam", kPam, &probe_pam},
    {"login_defs", kLoginDefs, &probe_login_defs},
    {"audit_rule", kAuditRule, &probe_audit_rule},
    {"accounts", kAccounts, &probe_accounts, &check_accounts},
};

}  // namespace

std::span<const ProbeSpec> probe_specs() { return kSpecs; }

const ProbeSpec* find_probe_spec(std::string_view type) {
  const auto it = std::find_if(std::begin(kSpecs), std::end(kSpecs),
                               [&](const ProbeSpec& s) { return s.type == type; });
  return it == std::end(kSpecs) ? nullptr : &*it;
}

}  // namespace zt::compliance
