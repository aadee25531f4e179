// sudo findings (NOPASSWD: ALL, !authenticate, insecure sudoers permissions) and
// authorized_keys findings (writable files and folders, DSA keys, short RSA keys).
#include <map>

#include "collectors/auth/report.hpp"

namespace zt::auth {
namespace {

using nlohmann::json;
using namespace finding_type;

constexpr int kMinRsaBits = 2048;

bool writable_by_others(std::uint32_t mode) { return (mode & 022u) != 0; }

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

json mode_evidence(const PathMode& p) {
  return {{"file", p.path}, {"mode", octal_mode(p.mode)}, {"uid", p.uid}};
}

}  // namespace

Findings sudo_findings(const SudoView& sudo) {
  Findings out;
  CmndAliases aliases;
  for (const SudoFile& f : sudo.files)
    for (const auto& [name, commands] : f.sudoers.cmnd_aliases) aliases.try_emplace(name, commands);

  // Grouped by grantee, so each grantee has one finding of each type (ordered by name).
  std::map<std::string, json> nopasswd;
  std::map<std::string, json> no_auth;
  for (const SudoFile& f : sudo.files) {
    for (const SudoRule& rule : f.sudoers.rules) {
      if (!grants_nopasswd_all(rule, aliases)) continue;
      for (const std::string& user : rule.users)
        nopasswd[user].push_back({{"file", f.path}, {"line", rule.line}, {"value", rule.text}});
    }
    for (const SudoDefaults& d : f.sudoers.defaults) {
      if (!d.no_authenticate) continue;
      std::string written = "Defaults";
      if (d.binding_type != '\0') written += d.binding_type + join(d.bindings);
      const json evidence = {
          {"file", f.path}, {"line", d.line}, {"value", written + " !authenticate"}};
      if (d.binding_type == ':')
        for (const std::string& user : d.bindings) no_auth[user].push_back(evidence);
      else
        no_auth[std::string(kHostWide)].push_back(evidence);
    }
  }
  for (auto& [user, evidence] : nopasswd) {
    out.push_back(make_finding(
        kSudoNopasswdAll, user, "sudo lets " + user + " run any command as root without a password",
        "A sudoers rule grants " + user +
            " every command (ALL) with NOPASSWD: anyone who gets a shell as " + user +
            " (a stolen session, a compromised process) is root at once, with no password "
            "to stop them.",
        "Remove NOPASSWD from the rule (`" + user +
            " ALL=(ALL:ALL) ALL`), or limit it to the few commands that need it; edit with "
            "`visudo -f <file>`.",
        {{"evidence", std::move(evidence)}}));
  }
  for (auto& [user, evidence] : no_auth) {
    const bool everyone = user == kHostWide;
    out.push_back(make_finding(
        kSudoNoAuthenticate, user,
        everyone ? std::string("sudo never asks for a password (Defaults !authenticate)")
                 : "sudo never asks " + user + " for a password (Defaults !authenticate)",
        std::string("A Defaults entry turns authentication off ") +
            (everyone ? "for every sudo rule" : "for " + user) +
            ": every command sudoers grants runs without a password.",
        "Delete the `!authenticate` Defaults line (`visudo -f <file>`); keep NOPASSWD for "
        "the single commands that need it.",
        {{"evidence", std::move(evidence)}}));
  }

  json insecure = json::array();
  for (const PathMode& p : sudo.modes)
    if (writable_by_others(p.mode) || p.uid != 0) insecure.push_back(mode_evidence(p));
  if (!insecure.empty()) {
    std::vector<std::string> paths;
    for (const json& e : insecure) paths.push_back(e.at("file").get<std::string>());
    out.push_back(make_finding(
        kSudoersInsecurePermissions, std::string(kHostWide),
        "sudoers files writable by non-root users: " + join(paths),
        "sudo's policy files must be owned by root and writable by nobody else; whoever can "
        "write one of these (" +
            join(paths) + ") can grant themselves root.",
        "`chown root:root <file>` and `chmod 0440 <file>` for each file (`chmod 0755` for a "
        "folder), then `visudo -c` to check the policy.",
        {{"files", std::move(insecure)}}));
  }
  return out;
}

Findings key_findings(const KeysView& keys) {
  Findings out;
  for (const AccountKeys& a : keys.accounts) {
    const std::string& name = a.account;
    if (a.ssh_dir && writable_by_others(a.ssh_dir->mode)) {
      out.push_back(
          make_finding(kSshDirWritable, name, "~/.ssh of " + name + " is writable by other users",
                       a.ssh_dir->path + " has mode " + octal_mode(a.ssh_dir->mode) +
                           ": another user can add an authorized_keys file and log in as " + name +
                           " (sshd's StrictModes refuses such keys, which also breaks key login).",
                       "`chmod 0700 " + a.ssh_dir->path + "`.", mode_evidence(*a.ssh_dir)));
    }
    json writable = json::array();
    json dsa = json::array();
    json short_rsa = json::array();
    for (const KeyFile& f : a.files) {
      if (writable_by_others(f.file.mode)) writable.push_back(mode_evidence(f.file));
      for (const AuthorizedKeyEntry& k : f.keys.keys) {
        const json e = {{"file", f.file.path},
                        {"line", k.line},
                        {"key_type", k.key.type},
                        {"bits", k.key.bits},
                        {"comment", k.key.comment}};
        if (k.key.algorithm == "ssh-dss") dsa.push_back(e);
        if (k.key.algorithm == "ssh-rsa" && k.key.bits < kMinRsaBits) short_rsa.push_back(e);
      }
    }
    if (!writable.empty()) {
      const std::string path = writable.front().at("file").get<std::string>();
      const std::string mode = writable.front().at("mode").get<std::string>();
      out.push_back(
          make_finding(kAuthorizedKeysWritable, name,
                       "authorized_keys of " + name + " is writable by other users",
                       path + " has mode " + mode +
                           ": another user can add a key of their own and log in as " + name + ".",
                       "`chmod 0600 " + path + "` (and `chown " + name + " " + path + "`).",
                       {{"files", std::move(writable)}}));
    }
    // Counted before the arrays are moved into the metadata (argument order is unspecified).
    const std::string dsa_count = std::to_string(dsa.size());
    const std::string rsa_count = std::to_string(short_rsa.size());
    if (!dsa.empty()) {
      out.push_back(make_finding(
          kSshDsaKey, name, "DSA key authorized for " + name,
          "authorized_keys of " + name + " holds " + dsa_count +
              " ssh-dss key(s): DSA is limited to 1024 bits and SHA-1, and OpenSSH disables it "
              "by default since 7.0.",
          "Replace it with an Ed25519 key (`ssh-keygen -t ed25519`) and delete the ssh-dss line "
          "from the file.",
          {{"keys", std::move(dsa)}}));
    }
    if (!short_rsa.empty()) {
      out.push_back(make_finding(
          kSshRsaKeyShort, name, "RSA key shorter than 2048 bits authorized for " + name,
          "authorized_keys of " + name + " holds " + rsa_count +
              " RSA key(s) under 2048 bits, below NIST SP 800-131A's minimum and within reach "
              "of factoring.",
          "Replace it with an Ed25519 key (`ssh-keygen -t ed25519`) or RSA of 3072 bits or "
          "more, and delete the short key's line.",
          {{"keys", std::move(short_rsa)}}));
    }
  }
  return out;
}

}  // namespace zt::auth
