#pragma once
// sshd's algorithm lists (Ciphers, MACs, KexAlgorithms): OpenSSH 9.2's defaults (Debian 12),
// the "+", "-" and "^" modifiers, and which algorithms count as weak. Pure; never throw.
//
// Weak, and why:
// - ciphers: every CBC mode (3des-cbc, aes*-cbc, blowfish-cbc, cast128-cbc: the SSH CBC
//   plaintext-recovery attacks, CVE-2008-5161), arcfour* (RC4, RFC 8758), none.
// - MACs: hmac-md5* (MD5), hmac-sha1-96* and hmac-md5-96* (truncated tags), hmac-ripemd160*
//   (removed from OpenSSH 7.6, left in old configs). NOT hmac-sha1, hmac-sha1-etm or umac-64*:
//   they are in OpenSSH 9.2's own default list, and HMAC-SHA1 stays a sound MAC (its
//   strength does not rest on SHA-1's collision resistance; NIST SP 800-107r1 keeps it
//   approved), so flagging them would flag every stock sshd. CIS hardening that removes them
//   is a policy choice, not a weakness this collector reports.
// - key exchange: diffie-hellman-group1-sha1 (1024-bit, Logjam), diffie-hellman-group14-sha1
//   and diffie-hellman-group-exchange-sha1 (SHA-1 exchange hash; RFC 9142 says SHOULD NOT),
//   gss-*-sha1-* (the same SHA-1 exchange hash through GSSAPI).
#include <string>
#include <string_view>
#include <vector>

namespace zt::auth {

enum class AlgorithmKind { cipher, mac, kex };

std::string_view keyword_of(AlgorithmKind kind);  // "ciphers", "macs", "kexalgorithms"
const std::vector<std::string>& default_algorithms(AlgorithmKind kind);

// The enabled list for a keyword's value, as sshd's kex_assemble_names makes it: "+list"
// appends to the default, "-list" removes from it (wildcards * and ? allowed), "^list" puts
// the list first, anything else replaces the default. Wildcard patterns in the other forms
// are expanded against the algorithms this collector knows; names it does not know are kept
// as written. An empty value gives the default.
std::vector<std::string> effective_algorithms(AlgorithmKind kind, std::string_view value);

// The weak algorithms of `enabled`, in its order.
std::vector<std::string> weak_algorithms(AlgorithmKind kind,
                                         const std::vector<std::string>& enabled);

// sshd's pattern matching (match_pattern): '*' any run, '?' one character.
bool wildcard_match(std::string_view pattern, std::string_view text);

}  // namespace zt::auth
