#pragma once
// The auth collector's finding types: the one table of what it reports, how severe it is and
// what `user_account` holds. A finding's identity (its fingerprint) is
// (finding_type, user_account), so two findings of one type always differ in user_account:
// per-account types name the account; host-wide settings use "*" (sshd settings "sshd");
// sudo grants name the grantee as written ("alice", "%admin", "ALL"); per-file problems
// (writable sudoers files) are folded into one finding that lists the files.
//
// | finding_type                 | sev.     | user_account | fires when                        |
// |------------------------------|----------|--------------|-----------------------------------|
// | uid0_non_root                | critical | account      | UID 0, name not root              |
// | empty_password               | critical | account      | empty password field (shadow; or  |
// |                              |          |              | passwd when it has no "x")        |
// | duplicate_uid                | high     | account      | UID other than 0 shared           |
// | system_account_login         | high     | account      | UID < UID_MIN or nobody, not 0;   |
// |                              |          |              | a login shell and a usable        |
// |                              |          |              | password                          |
// | password_never_expires       | low      | account      | human, usable password, shadow    |
// |                              |          |              | max empty or >= 10000 days        |
// | sshd_root_login_password     | high     | root         | PermitRootLogin yes and a         |
// |                              |          |              | password method on                |
// | sshd_password_authentication | medium   | sshd         | PasswordAuthentication yes, or    |
// |                              |          |              | KbdInteractive + UsePAM yes       |
// | sshd_permit_empty_passwords  | high     | sshd         | PermitEmptyPasswords yes          |
// | sshd_weak_ciphers            | medium   | sshd         | a cipher of ssh_algorithms.hpp's  |
// |                              |          |              | weak list enabled                 |
// | sshd_weak_macs               | medium   | sshd         | a weak MAC enabled                |
// | sshd_weak_kex                | medium   | sshd         | a weak key exchange enabled       |
// | sudo_nopasswd_all            | high     | grantee      | command ALL with NOPASSWD         |
// | sudo_no_authenticate         | high     | binding, "*" | Defaults[:user] !authenticate     |
// | sudoers_insecure_permissions | critical | "*"          | sudoers file/folder writable by   |
// |                              |          |              | group or others, or not root's    |
// | authorized_keys_writable     | high     | account      | authorized_keys(2) mode & 022     |
// | ssh_dir_writable             | high     | account      | ~/.ssh mode & 022                 |
// | ssh_dsa_key                  | medium   | account      | an ssh-dss key                    |
// | ssh_rsa_key_short            | medium   | account      | an RSA key under 2048 bits        |
// | password_max_days            | low      | "*"          | PASS_MAX_DAYS unset, < 0 or > 365 |
// | password_min_days            | low      | "*"          | PASS_MIN_DAYS unset or < 1        |
// | password_warn_age            | low      | "*"          | PASS_WARN_AGE unset or < 7        |
// | password_min_length          | medium   | "*"          | PAM minimum < min_password_length |
//
// Matches in sshd Match blocks only: the same type, with metadata.in_match naming the block.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "schema-client/model/finding.hpp"
#include "schema-client/model/severity.hpp"

namespace zt::auth {

struct FindingType {
  std::string_view name;
  model::Severity severity;
};

namespace finding_type {
using model::Severity;
inline constexpr FindingType kUid0NonRoot{"uid0_non_root", Severity::critical};
inline constexpr FindingType kEmptyPassword{"empty_password", Severity::critical};
inline constexpr FindingType kDuplicateUid{"duplicate_uid", Severity::high};
inline constexpr FindingType kSystemAccountLogin{"system_account_login", Severity::high};
inline constexpr FindingType kPasswordNeverExpires{"password_never_expires", Severity::low};
inline constexpr FindingType kSshdRootLoginPassword{"sshd_root_login_password", Severity::high};
inline constexpr FindingType kSshdPasswordAuthentication{"sshd_password_authentication",
                                                         Severity::medium};
inline constexpr FindingType kSshdPermitEmptyPasswords{"sshd_permit_empty_passwords",
                                                       Severity::high};
inline constexpr FindingType kSshdWeakCiphers{"sshd_weak_ciphers", Severity::medium};
inline constexpr FindingType kSshdWeakMacs{"sshd_weak_macs", Severity::medium};
inline constexpr FindingType kSshdWeakKex{"sshd_weak_kex", Severity::medium};
inline constexpr FindingType kSudoNopasswdAll{"sudo_nopasswd_all", Severity::high};
inline constexpr FindingType kSudoNoAuthenticate{"sudo_no_authenticate", Severity::high};
inline constexpr FindingType kSudoersInsecurePermissions{"sudoers_insecure_permissions",
                                                         Severity::critical};
inline constexpr FindingType kAuthorizedKeysWritable{"authorized_keys_writable", Severity::high};
inline constexpr FindingType kSshDirWritable{"ssh_dir_writable", Severity::high};
inline constexpr FindingType kSshDsaKey{"ssh_dsa_key", Severity::medium};
inline constexpr FindingType kSshRsaKeyShort{"ssh_rsa_key_short", Severity::medium};
inline constexpr FindingType kPasswordMaxDays{"password_max_days", Severity::low};
inline constexpr FindingType kPasswordMinDays{"password_min_days", Severity::low};
inline constexpr FindingType kPasswordWarnAge{"password_warn_age", Severity::low};
inline constexpr FindingType kPasswordMinLength{"password_min_length", Severity::medium};
}  // namespace finding_type

inline constexpr FindingType kAllFindingTypes[] = {
    finding_type::kUid0NonRoot,
    finding_type::kEmptyPassword,
    finding_type::kDuplicateUid,
    finding_type::kSystemAccountLogin,
    finding_type::kPasswordNeverExpires,
    finding_type::kSshdRootLoginPassword,
    finding_type::kSshdPasswordAuthentication,
    finding_type::kSshdPermitEmptyPasswords,
    finding_type::kSshdWeakCiphers,
    finding_type::kSshdWeakMacs,
    finding_type::kSshdWeakKex,
    finding_type::kSudoNopasswdAll,
    finding_type::kSudoNoAuthenticate,
    finding_type::kSudoersInsecurePermissions,
    finding_type::kAuthorizedKeysWritable,
    finding_type::kSshDirWritable,
    finding_type::kSshDsaKey,
    finding_type::kSshRsaKeyShort,
    finding_type::kPasswordMaxDays,
    finding_type::kPasswordMinDays,
    finding_type::kPasswordWarnAge,
    finding_type::kPasswordMinLength,
};

// user_account of findings about host-wide settings, and of sshd's.
inline constexpr std::string_view kHostWide = "*";
inline constexpr std::string_view kSshdSubject = "sshd";

// One finding of `type` about `user_account`: category auth, fields {finding_type,
// user_account}, the evidence in `metadata`. Shared with the Windows auth collector
// (collectors/windows/auth_report.cpp).
inline model::Finding make_finding(const FindingType& type, std::string user_account,
                                   std::string title, std::string description,
                                   std::string remediation, nlohmann::json metadata) {
  model::Finding f;
  f.category = model::Category::auth;
  f.severity = type.severity;
  f.title = std::move(title);
  f.description = std::move(description);
  f.remediation = std::move(remediation);
  f.fields = {{"finding_type", type.name}, {"user_account", std::move(user_account)}};
  f.metadata = std::move(metadata);
  return f;
}

}  // namespace zt::auth
