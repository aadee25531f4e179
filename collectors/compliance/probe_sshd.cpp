// sshd: an option's effective global value (the shared reader: Includes followed, the first
// value wins, Match blocks apart, OpenSSH's default when unset).
#include <algorithm>
#include <cctype>

#include "collectors/compliance/expect.hpp"
#include "collectors/compliance/probe_common.hpp"
#include "collectors/compliance/probes.hpp"
#include "collectors/readers/host_paths.hpp"

namespace zt::compliance {

Outcome probe_sshd(const Probe& probe, HostView& host) {
  std::string option = probe.text_or("option");
  std::transform(option.begin(), option.end(), option.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::string expected = probe.text_or("option") + " " + describe(*probe.expect);
  const Sshd& sshd = host.sshd();
  if (!sshd.errors.empty())  // sshd_config or a file it includes cannot be read
    return outcome(Status::error, {probe.type, std::string(readers::kSshdConfigPath), 0,
                                   sshd.errors.front(), expected});
  readers::SshdConfig defaults;
  const readers::SshdSetting* from = nullptr;
  const std::string value =
      readers::effective_value(sshd.config ? *sshd.config : defaults, option, nullptr, &from);
  const Status status = expect_holds(*probe.expect, value) ? Status::pass : Status::fail;
  if (!from)
    return outcome(status, {probe.type, "", 0,
                            value.empty() ? "not set" : value + " (OpenSSH default)", expected});
  return outcome(status, {probe.type, from->file, from->line, value, expected});
}

}  // namespace zt::compliance
