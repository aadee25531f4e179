#include "collectors/auth/ssh_algorithms.hpp"

#include <algorithm>
#include <span>

#include "collectors/core/text.hpp"

namespace zt::auth {
namespace {

using Names = std::vector<std::string>;

// OpenSSH 9.2 (sshd_config(5) and myproposal.h of that release).
const Names kDefaultCiphers = {"chacha20-poly1305@openssh.com",
                               "aes128-ctr",
                               "aes192-ctr",
                               "aes256-ctr",
                               "aes128-gcm@openssh.com",
                               "aes256-gcm@openssh.com"};
const Names kDefaultMacs = {"umac-64-etm@openssh.com",
                            "umac-128-etm@openssh.com",
                            "hmac-sha2-256-etm@openssh.com",
                            "hmac-sha2-512-etm@openssh.com",
                            "hmac-sha1-etm@openssh.com",
                            "umac-64@openssh.com",
                            "umac-128@openssh.com",
                            "hmac-sha2-256",
                            "hmac-sha2-512",
                            "hmac-sha1"};
const Names kDefaultKex = {"sntrup761x25519-sha512@openssh.com",
                           "curve25519-sha256",
                           "curve25519-sha256@libssh.org",
                           "ecdh-sha2-nistp256",
                           "ecdh-sha2-nistp384",
                           "ecdh-sha2-nistp521",
                           "diffie-hellman-group-exchange-sha256",
                           "diffie-hellman-group16-sha512",
                           "diffie-hellman-group18-sha512",
                           "diffie-hellman-group14-sha256"};

// Supported but not enabled by default (what a "+" or "^" wildcard may bring in).
const Names kOtherCiphers = {"3des-cbc", "aes128-cbc", "aes192-cbc", "aes256-cbc",
                             "rijndael-cbc@lysator.liu.se"};
const Names kOtherMacs = {"hmac-sha1-96",
                          "hmac-md5",
                          "hmac-md5-96",
                          "hmac-sha1-96-etm@openssh.com",
                          "hmac-md5-etm@openssh.com",
                          "hmac-md5-96-etm@openssh.com"};
const Names kOtherKex = {"diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1",
                         "diffie-hellman-group-exchange-sha1"};

constexpr std::string_view kWeakCiphers[] = {"*-cbc", "*-cbc@*", "arcfour*", "none"};
constexpr std::string_view kWeakMacs[] = {"hmac-md5*", "hmac-sha1-96*", "hmac-ripemd160*"};
constexpr std::string_view kWeakKex[] = {"diffie-hellman-group1-sha1",
                                         "diffie-hellman-group14-sha1",
                                         "diffie-hellman-group-exchange-sha1", "gss-*-sha1-*"};

bool has_wildcard(std::string_view s) { return s.find_first_of("*?") != std::string_view::npos; }

Names split_list(std::string_view list) {
  Names names;
  std::size_t pos = 0;
  while (pos <= list.size()) {
    const std::size_t comma = std::min(list.find(',', pos), list.size());
    const std::string_view name = collector::trim(list.substr(pos, comma - pos));
    if (!name.empty()) names.emplace_back(name);
    pos = comma + 1;
  }
  return names;
}

void add_unique(Names& to, const std::string& name) {
  if (std::find(to.begin(), to.end(), name) == to.end()) to.push_back(name);
}

// Patterns expanded against the known algorithms, known order; plain names kept as written.
Names expand(AlgorithmKind kind, const Names& patterns) {
  Names known = default_algorithms(kind);
  const Names& other = kind == AlgorithmKind::cipher ? kOtherCiphers
                       : kind == AlgorithmKind::mac  ? kOtherMacs
                                                     : kOtherKex;
  known.insert(known.end(), other.begin(), other.end());
  Names out;
  for (const std::string& p : patterns) {
    if (!has_wildcard(p)) {
      add_unique(out, p);
      continue;
    }
    for (const std::string& k : known)
      if (wildcard_match(p, k)) add_unique(out, k);
  }
  return out;
}

}  // namespace

std::string_view keyword_of(AlgorithmKind kind) {
  switch (kind) {
    case AlgorithmKind::cipher:
      return "ciphers";
    case AlgorithmKind::mac:
      return "macs";
    case AlgorithmKind::kex:
      return "kexalgorithms";
  }
  return "";
}

const std::vector<std::string>& default_algorithms(AlgorithmKind kind) {
  switch (kind) {
    case AlgorithmKind::cipher:
      return kDefaultCiphers;
    case AlgorithmKind::mac:
      return kDefaultMacs;
    case AlgorithmKind::kex:
      break;
  }
  return kDefaultKex;
}

bool wildcard_match(std::string_view pattern, std::string_view text) {
  // Iterative glob with one backtrack point: linear enough for short algorithm names.
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::vector<std::string> effective_algorithms(AlgorithmKind kind, std::string_view value) {
  value = collector::trim(value);
  const Names& defaults = default_algorithms(kind);
  if (value.empty()) return defaults;
  const char modifier = value.front();
  if (modifier == '+') {
    Names out = defaults;
    for (const std::string& name : expand(kind, split_list(value.substr(1)))) add_unique(out, name);
    return out;
  }
  if (modifier == '-') {
    const Names removed = split_list(value.substr(1));
    Names out;
    for (const std::string& name : defaults) {
      const bool gone = std::any_of(removed.begin(), removed.end(),
                                    [&](const std::string& p) { return wildcard_match(p, name); });
      if (!gone) out.push_back(name);
    }
    return out;
  }
  if (modifier == '^') {
    Names out = expand(kind, split_list(value.substr(1)));
    for (const std::string& name : defaults) add_unique(out, name);
    return out;
  }
  return expand(kind, split_list(value));
}

std::vector<std::string> weak_algorithms(AlgorithmKind kind,
                                         const std::vector<std::string>& enabled) {
  const std::span<const std::string_view> weak =
      kind == AlgorithmKind::cipher ? std::span<const std::string_view>(kWeakCiphers)
      : kind == AlgorithmKind::mac  ? std::span<const std::string_view>(kWeakMacs)
                                    : std::span<const std::string_view>(kWeakKex);
  Names out;
  for (const std::string& name : enabled)
    if (std::any_of(weak.begin(), weak.end(),
                    [&](std::string_view p) { return wildcard_match(p, name); }))
      out.push_back(name);
  return out;
}

}  // namespace zt::auth
