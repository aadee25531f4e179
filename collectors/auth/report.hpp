#pragma once
// Turns a Snapshot into the auth collector's findings and inventory. Pure; never throw.
// Finding types, severities and what user_account holds: finding_types.hpp. Every finding
// has category auth, fields {finding_type, user_account}, an empty fingerprint and risk
// score 0 (the scan runner sets both), and evidence in metadata ({"file", "line", "value"…})
// that never holds a password hash or a key blob.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "collectors/auth/finding_types.hpp"
#include "collectors/auth/snapshot.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::auth {

using Findings = std::vector<model::Finding>;

// Accounts (passwd, shadow): UID 0, empty passwords, duplicate UIDs, system accounts that
// can log in, passwords that never expire. Checks that need shadow are skipped without it.
Findings account_findings(const Snapshot& snapshot);
// sshd: root login with a password, password authentication, empty passwords, weak
// algorithms; globally, else in the first Match block where the setting is weak.
Findings sshd_findings(const SshdConfig& config);
Findings sudo_findings(const SudoView& sudo);
Findings key_findings(const KeysView& keys);
// login.defs ageing and the PAM minimum length against `min_password_length`.
Findings policy_findings(const PolicyView& policy, int min_password_length);

nlohmann::json make_inventory(const Snapshot& snapshot);

// Is this account human: UID >= UID_MIN and not nobody.
bool is_human(const PasswdEntry& entry, std::uint32_t uid_min);

// "0666": permission bits as octal text.
std::string octal_mode(std::uint32_t mode);

}  // namespace zt::auth
