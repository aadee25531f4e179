// The Windows `auth` collector (collectors.hpp): local accounts (NetUserEnum, NetUserGetInfo),
// the members of the Administrators group (NetLocalGroupGetMembers), the password and lockout
// policy (NetUserModalsGet levels 0 and 3), reported by auth_report.hpp.
// Not sorted: lm.h uses the types of windows.h.
// clang-format off
#include <windows.h>
#include <lm.h>
// clang-format on

#include "collectors/windows/auth_report.hpp"
#include "collectors/windows/collectors.hpp"
#include "collectors/windows/wide_text.hpp"
#include "schema-client/base/windows_error.hpp"

namespace zt::windows {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using Problems = std::vector<std::string>;

// A buffer the Net* functions allocated.
struct NetBuffer {
  BYTE* data = nullptr;
  ~NetBuffer() {
    if (data) NetApiBufferFree(data);
  }
};

std::string failure(std::string_view call, NET_API_STATUS status) {
  return std::string(call) + " failed: " + base::windows_error_text(status);
}

std::optional<std::uint32_t> rid_of(const std::wstring& account) {
  BYTE sid[SECURITY_MAX_SID_SIZE];
  DWORD sid_size = sizeof(sid);
  wchar_t domain[256];
  DWORD domain_size = 256;
  SID_NAME_USE use;
  if (!LookupAccountNameW(nullptr, account.c_str(), sid, &sid_size, domain, &domain_size, &use))
    return std::nullopt;
  const UCHAR count = *GetSidSubAuthorityCount(sid);
  if (count == 0) return std::nullopt;
  return static_cast<std::uint32_t>(*GetSidSubAuthority(sid, count - 1u));
}

std::string_view privilege_text(DWORD privilege) {
  switch (privilege) {
    case USER_PRIV_GUEST:
      return "guest";
    case USER_PRIV_ADMIN:
      return "admin";
    default:
      return "user";
  }
}

// One account's flags and privilege (NetUserGetInfo level 1); nullopt after recording why not.
std::optional<LocalAccount> read_account(const std::wstring& name, Problems& problems) {
  NetBuffer buffer;
  if (const auto status = NetUserGetInfo(nullptr, name.c_str(), 1, &buffer.data);
      status != NERR_Success) {
    problems.push_back(failure("NetUserGetInfo(" + utf8(name) + ") level 1", status));
    return std::nullopt;
  }
  const auto& u = *reinterpret_cast<const USER_INFO_1*>(buffer.data);
  return LocalAccount{.name = utf8(name),
                      .rid = rid_of(name),
                      .disabled = (u.usri1_flags & UF_ACCOUNTDISABLE) != 0,
                      .password_never_expires = (u.usri1_flags & UF_DONT_EXPIRE_PASSWD) != 0,
                      .password_not_required = (u.usri1_flags & UF_PASSWD_NOTREQD) != 0,
                      .locked_out = (u.usri1_flags & UF_LOCKOUT) != 0,
                      .privilege = std::string(privilege_text(u.usri1_priv))};
}

// The names by NetUserEnum level 0, then each account by NetUserGetInfo: Wine answers
// NetUserEnum at level 0 only ("Invalid level" at 1), and Windows answers both.
std::optional<std::vector<LocalAccount>> read_accounts(const Context& context, Problems& problems) {
  std::vector<std::wstring> names;
  DWORD resume = 0;
  NET_API_STATUS status;
  do {
    NetBuffer buffer;
    DWORD read = 0, total = 0;
    status = NetUserEnum(nullptr, 0, FILTER_NORMAL_ACCOUNT, &buffer.data, MAX_PREFERRED_LENGTH,
                         &read, &total, &resume);
    if (status != NERR_Success && status != ERROR_MORE_DATA) {
      problems.push_back(failure("NetUserEnum level 0", status));
      return std::nullopt;
    }
    const auto* users = reinterpret_cast<const USER_INFO_0*>(buffer.data);
    for (DWORD i = 0; i < read; ++i)
      if (users[i].usri0_name) names.emplace_back(users[i].usri0_name);
  } while (status == ERROR_MORE_DATA);
  std::vector<LocalAccount> accounts;
  for (const std::wstring& name : names) {
    if (context.stopped_before("rest of the local accounts", problems)) break;
    if (auto account = read_account(name, problems)) accounts.push_back(std::move(*account));
  }
  return accounts;
}

// The Administrators group's local name, from its well-known SID (it is translated).
std::wstring administrators_group() {
  BYTE sid[SECURITY_MAX_SID_SIZE];
  DWORD sid_size = sizeof(sid);
  wchar_t name[256], domain[256];
  DWORD name_size = 256, domain_size = 256;
  SID_NAME_USE use;
  if (CreateWellKnownSid(WinBuiltinAdministratorsSid, nullptr, sid, &sid_size) &&
      LookupAccountSidW(nullptr, sid, name, &name_size, domain, &domain_size, &use))
    return std::wstring(name, name_size);
  return L"Administrators";
}

std::optional<std::vector<std::string>> read_administrators(const std::wstring& group,
                                                            Problems& problems) {
  std::vector<std::string> members;
  DWORD_PTR resume = 0;
  NET_API_STATUS status;
  do {
    NetBuffer buffer;
    DWORD read = 0, total = 0;
    status = NetLocalGroupGetMembers(nullptr, group.c_str(), 3, &buffer.data, MAX_PREFERRED_LENGTH,
                                     &read, &total, &resume);
    if (status != NERR_Success && status != ERROR_MORE_DATA) {
      problems.push_back(failure("NetLocalGroupGetMembers(" + utf8(group) + ") level 3", status));
      return std::nullopt;
    }
    const auto* rows = reinterpret_cast<const LOCALGROUP_MEMBERS_INFO_3*>(buffer.data);
    for (DWORD i = 0; i < read; ++i)
      if (rows[i].lgrmi3_domainandname) members.push_back(utf8(rows[i].lgrmi3_domainandname));
  } while (status == ERROR_MORE_DATA);
  return members;
}

std::optional<PasswordPolicy> read_password_policy(Problems& problems) {
  NetBuffer buffer;
  if (const auto status = NetUserModalsGet(nullptr, 0, &buffer.data); status != NERR_Success) {
    problems.push_back(failure("NetUserModalsGet level 0 (password policy)", status));
    return std::nullopt;
  }
  const auto* info = reinterpret_cast<const USER_MODALS_INFO_0*>(buffer.data);
  constexpr DWORD kDay = 24 * 3600;
  return PasswordPolicy{
      .min_length = info->usrmod0_min_passwd_len,
      .max_age_days = info->usrmod0_max_passwd_age == TIMEQ_FOREVER
                          ? std::nullopt
                          : std::optional<std::uint32_t>(info->usrmod0_max_passwd_age / kDay),
      .min_age_days = info->usrmod0_min_passwd_age / kDay,
      .history_length = info->usrmod0_password_hist_len};
}

std::optional<LockoutPolicy> read_lockout_policy(Problems& problems) {
  NetBuffer buffer;
  if (const auto status = NetUserModalsGet(nullptr, 3, &buffer.data); status != NERR_Success) {
    problems.push_back(failure("NetUserModalsGet level 3 (lockout policy)", status));
    return std::nullopt;
  }
  const auto* info = reinterpret_cast<const USER_MODALS_INFO_3*>(buffer.data);
  return LockoutPolicy{.threshold = info->usrmod3_lockout_threshold,
                       .duration_minutes = info->usrmod3_lockout_duration / 60,
                       .observation_minutes = info->usrmod3_lockout_observation_window / 60};
}

class AuthCollector final : public collector::Collector {
 public:
  Availability capabilities(const collector::HostFs&) const override {
    return {.usable = true, .reason = "the local accounts database (netapi32)"};
  }

  CollectResult collect(Context& context) override {
    CollectResult result;
    AuthSnapshot snapshot;
    snapshot.accounts = read_accounts(context, result.problems);
    const std::wstring group = administrators_group();
    snapshot.administrators_group = utf8(group);
    snapshot.administrators = read_administrators(group, result.problems);
    snapshot.password_policy = read_password_policy(result.problems);
    snapshot.lockout_policy = read_lockout_policy(result.problems);
    result.findings = auth_findings(snapshot);
    result.inventory = auth_inventory(snapshot);
    return result;
  }
};

}  // namespace

collector::CollectorDescriptor auth_descriptor() {
  return {.name = "auth",
          .category = model::Category::auth,
          .default_interval = std::chrono::seconds{3600},
          .summary = "local accounts, Administrators, password and lockout policy (netapi32)",
          .options = {},
          .make = &make_without_options<AuthCollector>};
}

}  // namespace zt::windows
