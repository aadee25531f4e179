// Logging and time: no remote syslog, no NTP, unauthenticated NTP, no datetime timestamps.
#include "collectors/netconfig/checks.hpp"

namespace zt::netconfig {
namespace {

void no_remote_syslog(const CheckContext& c, std::vector<Issue>& out) {
  if (c.config.logging_hosts.empty())
    out.push_back({"ios_no_remote_syslog", {}, std::string(kGlobal), "no 'logging host'"});
}

void no_ntp(const CheckContext& c, std::vector<Issue>& out) {
  if (c.config.ntp_servers.empty())
    out.push_back({"ios_no_ntp", {}, std::string(kGlobal), "no 'ntp server'"});
}

void ntp_unauthenticated(const CheckContext& c, std::vector<Issue>& out) {
  if (c.config.ntp_servers.empty()) return;
  std::vector<std::string> missing;
  std::vector<LineNo> lines;
  if (!c.config.ntp_authenticate) missing.push_back("'ntp authenticate'");
  if (c.config.ntp_trusted_keys.empty()) missing.push_back("'ntp trusted-key'");
  bool unkeyed = false;
  for (const NtpServer& s : c.config.ntp_servers)
    if (!s.keyed) {
      lines.push_back(s.line);
      unkeyed = true;
    }
  if (unkeyed) missing.push_back("a key on every server");
  if (missing.empty()) return;
  std::string detail = "missing";
  for (std::size_t i = 0; i < missing.size(); ++i) detail += (i == 0 ? " " : ", ") + missing[i];
  out.push_back({"ios_ntp_unauthenticated", lines, std::string(kGlobal), detail});
}

void no_timestamps(const CheckContext& c, std::vector<Issue>& out) {
  std::vector<LineNo> lines;
  for (const Located& t : c.config.timestamps) {
    if (t.value.starts_with("log datetime")) return;
    if (t.value.starts_with("log")) lines.push_back(t.line);
  }
  out.push_back({"ios_no_timestamps", lines, std::string(kGlobal),
                 "no 'service timestamps log datetime'"});
}

constexpr Check kChecks[] = {
    {"ios_no_remote_syslog", &no_remote_syslog},
    {"ios_no_ntp", &no_ntp},
    {"ios_ntp_unauthenticated", &ntp_unauthenticated},
    {"ios_no_timestamps", &no_timestamps},
};

}  // namespace

std::span<const Check> logging_checks() { return kChecks; }

}  // namespace zt::netconfig
