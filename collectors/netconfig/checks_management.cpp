// The management plane: telnet on VTY lines, VTY lines without an access class, exec-timeout
// 0, SSH version 1, the HTTP server, AAA, the login banner and login block-for.
#include "collectors/netconfig/checks.hpp"
#include "collectors/core/text.hpp"

namespace zt::netconfig {
namespace {

void vty_telnet(const CheckContext& c, std::vector<Issue>& out) {
  for (const TerminalLine& l : c.config.lines) {
    if (l.kind != "vty") continue;
    if (!l.transport_input) {
      out.push_back({"ios_vty_telnet", {l.line}, l.name,
                     "no 'transport input': older releases accept telnet by default"});
      continue;
    }
    for (std::string_view word : collector::split_whitespace(l.transport_input->value))
      if (word == "telnet" || word == "all") {
        out.push_back({"ios_vty_telnet", {l.line, l.transport_input->line}, l.name,
                       "transport input " + l.transport_input->value});
        break;
      }
  }
}

void vty_no_access_class(const CheckContext& c, std::vector<Issue>& out) {
  for (const TerminalLine& l : c.config.lines)
    if (l.kind == "vty" && !l.access_class_in)
      out.push_back({"ios_vty_no_access_class", {l.line}, l.name, "no 'access-class … in'"});
}

void exec_timeout_disabled(const CheckContext& c, std::vector<Issue>& out) {
  for (const TerminalLine& l : c.config.lines) {
    if (!l.exec_timeout) continue;
    const auto words = collector::split_whitespace(l.exec_timeout->value);
    if (!words.empty() && words[0] == "0" && (words.size() == 1 || words[1] == "0"))
      out.push_back({"ios_exec_timeout_disabled", {l.line, l.exec_timeout->line}, l.name,
                     "exec-timeout " + l.exec_timeout->value});
  }
}

void ssh_version1(const CheckContext& c, std::vector<Issue>& out) {
  const auto& v = c.config.ssh_version;
  if (!v) out.push_back({"ios_ssh_version1", {}, std::string(kGlobal),
                         "no 'ip ssh version 2': the default (1.99) accepts SSH 1"});
  else if (v->value != "2")
    out.push_back({"ios_ssh_version1", {v->line}, std::string(kGlobal), "ip ssh version " + v->value});
}

void http_server(const CheckContext& c, std::vector<Issue>& out) {
  if (c.config.http_server)
    out.push_back({"ios_http_server", {*c.config.http_server}, std::string(kGlobal), "ip http server"});
}

void no_aaa_new_model(const CheckContext& c, std::vector<Issue>& out) {
  if (!c.config.aaa_new_model)
    out.push_back({"ios_no_aaa_new_model", {}, std::string(kGlobal), "no 'aaa new-model'"});
}

void no_login_banner(const CheckContext& c, std::vector<Issue>& out) {
  for (const Located& b : c.config.banners)
    if (b.value == "login" || b.value == "motd") return;
  out.push_back({"ios_no_login_banner", {}, std::string(kGlobal), "no 'banner login' or 'banner motd'"});
}

void no_login_block(const CheckContext& c, std::vector<Issue>& out) {
  if (!c.config.login_block_for)
    out.push_back({"ios_no_login_block", {}, std::string(kGlobal), "no 'login block-for'"});
}

constexpr Check kChecks[] = {
    {"ios_vty_telnet", &vty_telnet},
    {"ios_vty_no_access_class", &vty_no_access_class},
    {"ios_exec_timeout_disabled", &exec_timeout_disabled},
    {"ios_ssh_version1", &ssh_version1},
    {"ios_http_server", &http_server},
    {"ios_no_aaa_new_model", &no_aaa_new_model},
    {"ios_no_login_banner", &no_login_banner},
    {"ios_no_login_block", &no_login_block},
};

}  // namespace

std::span<const Check> management_checks() { return kChecks; }

}  // namespace zt::netconfig
