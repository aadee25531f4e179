#pragma once
// What one run of the Windows auth collector read (NetUserEnum, NetLocalGroupGetMembers,
// NetUserModalsGet), before it becomes findings and the inventory (auth_report.hpp). Plain
// data, no I/O; an empty optional means "could not be read" (the run's problems say why).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zt::windows {

// A local account (NetUserEnum level 1, its RID from its SID).
struct LocalAccount {
  std::string name;
  std::optional<std::uint32_t> rid;     // 500: the built-in Administrator, 501: Guest
  bool disabled = false;                // UF_ACCOUNTDISABLE
  bool password_never_expires = false;  // UF_DONT_EXPIRE_PASSWD
  bool password_not_required = false;   // UF_PASSWD_NOTREQD
  bool locked_out = false;              // UF_LOCKOUT
  std::string privilege;                // "guest", "user", "admin" (usri1_priv)
};

inline constexpr std::uint32_t kAdministratorRid = 500;
inline constexpr std::uint32_t kGuestRid = 501;

// NetUserModalsGet level 0.
struct PasswordPolicy {
  std::uint32_t min_length = 0;
  std::optional<std::uint32_t> max_age_days;  // nullopt: passwords never expire
  std::uint32_t min_age_days = 0;
  std::uint32_t history_length = 0;
};

// NetUserModalsGet level 3.
struct LockoutPolicy {
  std::uint32_t threshold = 0;  // failed logons before lockout; 0: never locked out
  std::uint32_t duration_minutes = 0;
  std::uint32_t observation_minutes = 0;
};

struct AuthSnapshot {
  std::optional<std::vector<LocalAccount>> accounts;
  std::string administrators_group;  // its local name (S-1-5-32-544): "Administrators"
  std::optional<std::vector<std::string>> administrators;  // "DOMAIN\\name" of each member
  std::optional<PasswordPolicy> password_policy;
  std::optional<LockoutPolicy> lockout_policy;
};

}  // namespace zt::windows
