// Passwords: enable password, type 7 (decoded to prove it), type 5, no password
// encryption, local users with clear-text or type 7 passwords.
#include "collectors/netconfig/checks.hpp"
#include "collectors/netconfig/type7.hpp"

namespace zt::netconfig {
namespace {

void enable_password(const CheckContext& c, std::vector<Issue>& out) {
  if (const auto& p = c.config.enable_password)
    out.push_back({"ios_enable_password", {p->line}, "enable password",
                   c.config.enable_secret ? "an enable secret is set too; the password stays readable"
                                          : "no enable secret is set"});
}

// Every type 7 value that decodes: the proof is the decoded length, never the value.
void type7(const CheckContext& c, std::vector<Issue>& out) {
  const auto check = [&](const StoredSecret& s, std::string component) {
    if (s.type != 7) return;
    if (const auto clear = decode_type7(s.value))
      out.push_back({"ios_type7_password", {s.line}, std::move(component),
                     "the type 7 value decodes to a " + std::to_string(clear->size()) +
                         "-character password"});
  };
  if (c.config.enable_password) check(*c.config.enable_password, "enable password");
  for (const LocalUser& u : c.config.users)
    if (u.secret) check(*u.secret, "username " + u.name);
  for (const TerminalLine& l : c.config.lines)
    if (l.password) check(*l.password, l.name);
}

void type5(const CheckContext& c, std::vector<Issue>& out) {
  const auto check = [&](const StoredSecret& s, std::string component) {
    if (s.keyword == "secret" && s.type == 5)
      out.push_back({"ios_type5_secret", {s.line}, std::move(component), "MD5-crypt (type 5)"});
  };
  if (c.config.enable_secret) check(*c.config.enable_secret, "enable secret");
  for (const LocalUser& u : c.config.users)
    if (u.secret) check(*u.secret, "username " + u.name);
}

void no_password_encryption(const CheckContext& c, std::vector<Issue>& out) {
  if (!c.config.service_password_encryption)
    out.push_back({"ios_no_password_encryption", {}, std::string(kGlobal),
                   "service password-encryption is not set"});
}

void local_user_weak_password(const CheckContext& c, std::vector<Issue>& out) {
  for (const LocalUser& u : c.config.users) {
    if (!u.secret || u.secret->keyword != "password") continue;
    if (u.secret->type != 0 && u.secret->type != 7) continue;
    out.push_back({"ios_local_user_weak_password", {u.line}, "username " + u.name,
                   u.secret->type == 0 ? "password in clear text (type 0)"
                                       : "password stored reversibly (type 7)"});
  }
}

constexpr Check kChecks[] = {
    {"ios_enable_password", &enable_password},
    {"ios_type7_password", &type7},
    {"ios_type5_secret", &type5},
    {"ios_no_password_encryption", &no_password_encryption},
    {"ios_local_user_weak_password", &local_user_weak_password},
};

}  // namespace

std::span<const Check> password_checks() { return kChecks; }

}  // namespace zt::netconfig
