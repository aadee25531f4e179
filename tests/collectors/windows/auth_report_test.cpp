#include "collectors/windows/auth_report.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace zt;
using namespace zt::windows;

namespace {

using Identity = std::pair<std::string, std::string>;  // finding_type, user_account

std::set<Identity> identities(const std::vector<model::Finding>& findings) {
  std::set<Identity> out;
  for (const model::Finding& f : findings)
    out.insert(Identity{f.fields.at("finding_type"), f.fields.at("user_account")});
  return out;
}

LocalAccount account(std::string name, std::uint32_t rid) {
  return {.name = std::move(name), .rid = rid, .privilege = "user"};
}

}  // namespace

TEST_CASE("windows: a hardened host's accounts and policy give no auth finding",
          "[unit][windows]") {
  AuthSnapshot s;
  LocalAccount guest = account("Guest", kGuestRid);
  guest.disabled = true;
  guest.password_never_expires = true;
  s.accounts = {account("Administrator", kAdministratorRid), guest, account("alice", 1001)};
  s.administrators = std::vector<std::string>{"HOST\\Administrator"};
  s.password_policy = PasswordPolicy{.min_length = 14, .max_age_days = 90};
  s.lockout_policy = LockoutPolicy{.threshold = 10};
  CHECK(auth_findings(s).empty());
  const auto inventory = auth_inventory(s);
  CHECK(inventory.at("guest_enabled") == false);
  CHECK(inventory.at("accounts").at(0).at("administrator") == true);
  CHECK(inventory.at("accounts").at(2).at("administrator") == false);
}

TEST_CASE("windows: a weak host's accounts and policy give exactly their findings",
          "[unit][windows]") {
  AuthSnapshot s;
  LocalAccount guest = account("Gast", kGuestRid);  // a German Windows names it so
  guest.password_never_expires = true;
  LocalAccount svc = account("svc_backup", 1002);
  svc.password_never_expires = true;
  LocalAccount kiosk = account("kiosk", 1003);
  kiosk.password_not_required = true;
  LocalAccount old = account("old", 1004);  // disabled: nothing about it is reported
  old.disabled = true;
  old.password_not_required = true;
  s.accounts = {guest, svc, kiosk, old};
  s.password_policy = PasswordPolicy{.min_length = 8, .max_age_days = std::nullopt};
  s.lockout_policy = LockoutPolicy{.threshold = 0};
  const auto findings = auth_findings(s);
  CHECK(identities(findings) == std::set<Identity>{{"guest_enabled", "Gast"},
                                                   {"password_never_expires", "svc_backup"},
                                                   {"password_not_required", "kiosk"},
                                                   {"password_max_days", "*"},
                                                   {"password_min_length", "*"},
                                                   {"lockout_disabled", "*"}});
  for (const model::Finding& f : findings) CHECK(f.category == model::Category::auth);
}

TEST_CASE("windows: policy that could not be read gives no policy finding", "[unit][windows]") {
  AuthSnapshot s;
  s.accounts = std::vector<LocalAccount>{account("root", 1000)};
  CHECK(auth_findings(s).empty());
  CHECK(auth_inventory(s).at("password_policy").is_null());
  CHECK(auth_inventory(s).at("administrators").is_null());
}
