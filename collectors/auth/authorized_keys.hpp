#pragma once
// Parses authorized_keys(5) text (sshd(8) "AUTHORIZED_KEYS FILE FORMAT"): one key a line,
// "[options] keytype base64-blob [comment]", blank lines and '#' comments skipped. Options
// (command="…", from="…", no-pty, …) may hold quoted spaces and escaped quotes; they are
// skipped. The key size is read from the decoded blob's SSH wire format (RFC 4253 §6.6):
// ssh-rsa is string type, mpint e, mpint n (bits of n); ssh-dss is p, q, g, y (bits of p);
// ecdsa names its curve; ed25519 is 256 bits. Certificates (*-cert-v01@openssh.com) carry a
// nonce before the same fields. Pure; never throws. Nothing of the blob is kept.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zt::auth {

struct KeyInfo {
  std::string type;       // as written: "ssh-rsa", "ssh-rsa-cert-v01@openssh.com", …
  std::string algorithm;  // the key's algorithm, certificate suffix removed: "ssh-rsa"
  int bits = 0;
  std::string comment;  // may be empty
  bool has_options = false;
};

// nullopt for a blank or comment line; otherwise the key or why it is not one.
struct KeyLine {
  std::optional<KeyInfo> key;
  std::string error;  // set when key is empty
};
std::optional<KeyLine> parse_authorized_key_line(std::string_view line);

// The key size of a decoded blob whose type must be `type` (certificate types included);
// nullopt when the blob is malformed or of another type.
std::optional<int> key_bits_from_blob(std::string_view type, std::span<const unsigned char> blob);

// Base64 (with '=' padding) to bytes; nullopt when it is not valid base64.
std::optional<std::vector<unsigned char>> decode_base64(std::string_view text);

struct AuthorizedKeyEntry {
  KeyInfo key;
  std::size_t line = 0;
};
struct AuthorizedKeys {
  std::vector<AuthorizedKeyEntry> keys;
  std::size_t malformed_lines = 0;
  bool truncated = false;  // more than max_keys keys: the rest not parsed
};
AuthorizedKeys parse_authorized_keys(std::string_view text, std::size_t max_keys);

}  // namespace zt::auth
