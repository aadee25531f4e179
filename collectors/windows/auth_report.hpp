#pragma once
// Turns what the Windows auth collector read (auth_snapshot.hpp) into findings and the
// inventory (scan.results.auth), with the Linux auth collector's model: category auth, fields
// {finding_type, user_account}, "*" for host-wide settings; the types the Linux collector
// has keep its names and severities (collectors/auth/finding_types.hpp). Pure; compiled and
// tested on Linux too; never throws.
//
// | finding_type           | sev.   | user_account | fires when                            |
// |------------------------|--------|--------------|---------------------------------------|
// | guest_enabled          | medium | account      | the Guest account (RID 501) enabled   |
// | password_not_required  | high   | account      | enabled, UF_PASSWD_NOTREQD: an empty  |
// |                        |        |              | password is accepted                  |
// | password_never_expires | low    | account      | enabled, UF_DONT_EXPIRE_PASSWD (not   |
// |                        |        |              | Guest)                                |
// | password_max_days      | low    | "*"          | maximum password age unset or > 365   |
// | password_min_length    | medium | "*"          | minimum length < min_password_length  |
// | lockout_disabled       | medium | "*"          | lockout threshold 0: unlimited        |
// |                        |        |              | guesses                               |
#include <nlohmann/json.hpp>
#include <vector>

#include "collectors/auth/finding_types.hpp"
#include "collectors/windows/auth_snapshot.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::windows {

namespace auth_finding {
using model::Severity;
inline constexpr auth::FindingType kGuestEnabled{"guest_enabled", Severity::medium};
inline constexpr auth::FindingType kPasswordNotRequired{"password_not_required", Severity::high};
inline constexpr auth::FindingType kLockoutDisabled{"lockout_disabled", Severity::medium};
}  // namespace auth_finding

// The Linux auth collector's default min_password_length.
inline constexpr std::uint32_t kMinPasswordLength = 14;

std::vector<model::Finding> auth_findings(const AuthSnapshot& snapshot);
// {"accounts": [{name, rid, enabled, privilege, password_never_expires,
//   password_not_required, locked_out, administrator}] | null, "administrators_group",
//  "administrators": [...] | null, "guest_enabled": bool | null,
//  "password_policy": {min_length, max_age_days, min_age_days, history_length} | null,
//  "lockout_policy": {threshold, duration_minutes, observation_minutes} | null}
nlohmann::json auth_inventory(const AuthSnapshot& snapshot);

}  // namespace zt::windows
