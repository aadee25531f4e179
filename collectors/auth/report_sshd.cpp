// sshd findings: each check is a predicate over one context (the global settings, or a Match
// block over them). A setting weak globally is reported as such; one weak only in Match
// blocks is reported once, with the first such block in metadata.in_match.
#include <functional>
#include <optional>

#include "collectors/auth/report.hpp"
#include "collectors/auth/ssh_algorithms.hpp"

namespace zt::auth {
namespace {

using nlohmann::json;
using namespace finding_type;

// The evidence of one keyword in one context: its value and where it was set.
json setting_evidence(const SshdConfig& config, std::string_view keyword, std::string_view name,
                      const MatchBlock* match) {
  const SshdSetting* from = nullptr;
  const std::string value = effective_value(config, keyword, match, &from);
  json e = {{"setting", name}, {"value", value.empty() ? "(default list)" : value}};
  if (from != nullptr) {
    e["file"] = from->file;
    e["line"] = from->line;
  } else {
    e["source"] = "OpenSSH default";
  }
  return e;
}

bool password_auth_on(const SshdConfig& c, const MatchBlock* m) {
  return is_yes(effective_value(c, "passwordauthentication", m));
}
// Keyboard-interactive asks for the password through PAM when UsePAM is on.
bool kbd_password_on(const SshdConfig& c, const MatchBlock* m) {
  return is_yes(effective_value(c, "kbdinteractiveauthentication", m)) &&
         is_yes(effective_value(c, "usepam", m));
}

struct Check {
  const FindingType* type;
  std::string subject;
  // Evidence when the setting is weak in this context, nullopt when it is not.
  std::function<std::optional<json>(const SshdConfig&, const MatchBlock*)> weak;
  std::string title;
  std::string description;
  std::string remediation;
};

std::optional<json> root_login(const SshdConfig& c, const MatchBlock* m) {
  if (effective_value(c, "permitrootlogin", m) != "yes") return std::nullopt;
  if (!password_auth_on(c, m) && !kbd_password_on(c, m)) return std::nullopt;
  return json{
      {"evidence",
       {setting_evidence(c, "permitrootlogin", "PermitRootLogin", m),
        setting_evidence(c, "passwordauthentication", "PasswordAuthentication", m),
        setting_evidence(c, "kbdinteractiveauthentication", "KbdInteractiveAuthentication", m)}}};
}

std::optional<json> password_auth(const SshdConfig& c, const MatchBlock* m) {
  if (!password_auth_on(c, m) && !kbd_password_on(c, m)) return std::nullopt;
  json evidence = json::array();
  if (password_auth_on(c, m))
    evidence.push_back(setting_evidence(c, "passwordauthentication", "PasswordAuthentication", m));
  if (kbd_password_on(c, m)) {
    evidence.push_back(
        setting_evidence(c, "kbdinteractiveauthentication", "KbdInteractiveAuthentication", m));
    evidence.push_back(setting_evidence(c, "usepam", "UsePAM", m));
  }
  return json{{"evidence", evidence}};
}

std::optional<json> empty_passwords(const SshdConfig& c, const MatchBlock* m) {
  if (!is_yes(effective_value(c, "permitemptypasswords", m))) return std::nullopt;
  return json{
      {"evidence", {setting_evidence(c, "permitemptypasswords", "PermitEmptyPasswords", m)}}};
}

std::function<std::optional<json>(const SshdConfig&, const MatchBlock*)> weak_list(
    AlgorithmKind kind, std::string name) {
  return [kind, name](const SshdConfig& c, const MatchBlock* m) -> std::optional<json> {
    const std::string keyword(keyword_of(kind));
    const auto enabled = effective_algorithms(kind, effective_value(c, keyword, m));
    const auto weak = weak_algorithms(kind, enabled);
    if (weak.empty()) return std::nullopt;
    return json{{"evidence", {setting_evidence(c, keyword, name, m)}}, {"weak", weak}};
  };
}

std::vector<Check> checks() {
  // The remediations say what to set; sshd_findings adds where (it knows where the value
  // came from) and how to apply it.
  return {
      {&kSshdRootLoginPassword, "root", root_login, "sshd permits root login with a password",
       "PermitRootLogin is yes while password authentication is on: root can be "
       "brute-forced over SSH with a password alone.",
       "Set `PermitRootLogin no` (or `prohibit-password` if root must log in with a key)"},
      {&kSshdPasswordAuthentication, std::string(kSshdSubject), password_auth,
       "sshd accepts password authentication",
       "sshd accepts passwords (PasswordAuthentication, or keyboard-interactive through PAM): "
       "accounts can be guessed over the network, and a leaked password is enough to log in.",
       "Once every user has a key, set `PasswordAuthentication no` and "
       "`KbdInteractiveAuthentication no`"},
      {&kSshdPermitEmptyPasswords, std::string(kSshdSubject), empty_passwords,
       "sshd permits login to accounts with empty passwords",
       "PermitEmptyPasswords is yes: an account whose password is empty logs in over SSH "
       "with no secret at all.",
       "Set `PermitEmptyPasswords no`"},
      {&kSshdWeakCiphers, std::string(kSshdSubject), weak_list(AlgorithmKind::cipher, "Ciphers"),
       "sshd enables weak ciphers",
       "sshd offers CBC-mode or RC4 ciphers, open to plaintext-recovery attacks on the "
       "connection.",
       "Delete the Ciphers line to get OpenSSH's defaults, or list strong ciphers only, e.g. "
       "`Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,"
       "aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr`,"},
      {&kSshdWeakMacs, std::string(kSshdSubject), weak_list(AlgorithmKind::mac, "MACs"),
       "sshd enables weak MACs",
       "sshd offers MD5-based, truncated (96-bit) or RIPEMD-160 MACs for connection integrity.",
       "Delete the MACs line to get OpenSSH's defaults, or list strong MACs only, e.g. "
       "`MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,"
       "umac-128-etm@openssh.com,hmac-sha2-512,hmac-sha2-256`,"},
      {&kSshdWeakKex, std::string(kSshdSubject), weak_list(AlgorithmKind::kex, "KexAlgorithms"),
       "sshd enables weak key exchange algorithms",
       "sshd offers SHA-1 or 1024-bit Diffie-Hellman key exchange (Logjam; RFC 9142 says "
       "they SHOULD NOT be used).",
       "Delete the KexAlgorithms line to get OpenSSH's defaults, or list strong ones only, "
       "e.g. `KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256,"
       "ecdh-sha2-nistp256,diffie-hellman-group16-sha512,diffie-hellman-group14-sha256`,"},
  };
}

}  // namespace

Findings sshd_findings(const SshdConfig& config) {
  Findings out;
  for (const Check& check : checks()) {
    std::optional<json> evidence = check.weak(config, nullptr);
    const MatchBlock* where = nullptr;
    for (std::size_t i = 0; !evidence && i < config.matches.size(); ++i) {
      evidence = check.weak(config, &config.matches[i]);
      if (evidence) where = &config.matches[i];
    }
    if (!evidence) continue;
    json metadata = std::move(*evidence);
    std::string title = check.title;
    std::string description = check.description;
    std::string remediation = check.remediation;
    const json& first = metadata.at("evidence").at(0);
    if (first.contains("file"))
      remediation += " where it is set now (" + first.at("file").get<std::string>() + ":" +
                     std::to_string(first.at("line").get<std::size_t>()) + ")";
    else
      remediation +=
          " in /etc/ssh/sshd_config, or a /etc/ssh/sshd_config.d/*.conf file it includes";
    remediation +=
        "; sshd keeps the first value it reads for a keyword, so no earlier file or "
        "line may set it. Then `sshd -t && systemctl reload ssh`.";
    if (where != nullptr) {
      metadata["in_match"] = where->criteria;
      metadata["match_file"] = where->file;
      metadata["match_line"] = where->line;
      json blocks = json::array();
      for (const MatchBlock& m : config.matches)
        if (check.weak(config, &m)) blocks.push_back(m.criteria);
      metadata["match_blocks"] = blocks;
      title += " (in Match " + where->criteria + ")";
      description += " Only connections matching `Match " + where->criteria + "` (" + where->file +
                     ":" + std::to_string(where->line) +
                     ") get this setting; the global one is safe.";
      remediation += " The weak value is the one inside that Match block.";
    }
    out.push_back(make_finding(*check.type, check.subject, std::move(title), std::move(description),
                               std::move(remediation), std::move(metadata)));
  }
  return out;
}

}  // namespace zt::auth
