#pragma once
// The probes (PACKS.md, "Probes"), one family a file: probe_file.cpp (file, file_line,
// file_value, login_defs), probe_sysctl.cpp, probe_kernel_module.cpp, probe_mount.cpp,
// probe_package.cpp, probe_systemd.cpp, probe_sshd.cpp, probe_pam.cpp, probe_audit.cpp,
// probe_accounts.cpp. Each reads the host only through the HostView and never throws.
#include <string>

#include "collectors/compliance/host_view.hpp"
#include "collectors/compliance/pack.hpp"
#include "collectors/compliance/result.hpp"

namespace zt::compliance {

Outcome probe_file(const Probe& probe, HostView& host);
Outcome probe_file_line(const Probe& probe, HostView& host);
Outcome probe_file_value(const Probe& probe, HostView& host);
Outcome probe_login_defs(const Probe& probe, HostView& host);
Outcome probe_sysctl(const Probe& probe, HostView& host);
Outcome probe_kernel_module(const Probe& probe, HostView& host);
Outcome probe_mount(const Probe& probe, HostView& host);
Outcome probe_package(const Probe& probe, HostView& host);
Outcome probe_systemd_unit(const Probe& probe, HostView& host);
Outcome probe_sshd(const Probe& probe, HostView& host);
Outcome probe_pam(const Probe& probe, HostView& host);
Outcome probe_audit_rule(const Probe& probe, HostView& host);
Outcome probe_accounts(const Probe& probe, HostView& host);

// The accounts probe's tests, and those that need an `expect`.
bool is_accounts_test(std::string_view test);
bool accounts_test_needs_expect(std::string_view test);

}  // namespace zt::compliance
