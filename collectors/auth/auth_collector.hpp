#pragma once
// The `auth` collector: local accounts (passwd, shadow, group), the SSH server's effective
// configuration, sudo's policy, every account's authorized_keys and the password policy
// (login.defs, pwquality, the PAM password stack). All reads go through HostFs; the parsing is
// in the pure functions next to this file and the findings are made in report_*.cpp (their
// types and severities: finding_types.hpp). Password hashes and key blobs never leave the
// parsers. Nothing it reads makes collect() throw: what it cannot read (an /etc/shadow the
// agent may not read, say) becomes a problem of the result, the checks that need it are
// skipped and the rest still runs.
#include "collectors/core/collector.hpp"

namespace zt::auth {

collector::CollectorDescriptor descriptor();

}  // namespace zt::auth
