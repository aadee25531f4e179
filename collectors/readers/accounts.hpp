#pragma once
// Parses the account databases: passwd(5), shadow(5) and group(5) text. Pure; never throw.
// Lines are colon-separated records; blank lines, '#' comments and NIS "+"/"-" compat lines
// are skipped; a line with too few fields or a non-numeric UID/GID is counted as malformed
// and left out. Nothing here keeps a password hash: a password field is reduced to its
// PasswordState as it is parsed.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zt::readers {

// What a password field allows, never its content.
enum class PasswordState {
  empty,   // "": no password at all (a login may need none)
  locked,  // starts with '!' or '*' (incl. "!", "!!", "*", "!$y$…"): no password login
  set,     // anything else: a usable hash
  shadow,  // passwd's "x": the real field is in /etc/shadow
};
std::string_view to_string(PasswordState state);
PasswordState classify_password(std::string_view field);
// The kind of a password field, safe to show: "empty", "locked", "yescrypt", "sha512crypt",
// "sha256crypt", "md5crypt", "bcrypt", "gost-yescrypt", "scrypt", "descrypt" or "unknown".
std::string hash_kind(std::string_view field);

struct PasswdEntry {
  std::string name;
  PasswordState password = PasswordState::shadow;
  std::uint32_t uid = 0;
  std::uint32_t gid = 0;
  std::string home;
  std::string shell;  // as written; empty means /bin/sh
  std::size_t line = 0;
};

struct ShadowEntry {
  std::string name;
  PasswordState password = PasswordState::locked;
  std::optional<long long> max_days;  // empty field: no maximum
  std::size_t line = 0;
  // The aging fields (shadow(5) fields 4, 6 and 7); empty field: not set.
  std::optional<long long> min_days = std::nullopt;
  std::optional<long long> warn_days = std::nullopt;
  std::optional<long long> inactive_days = std::nullopt;
  // The hash's scheme, never the hash (hash_kind): "yescrypt", "sha512crypt", "locked", …
  std::string hash_kind = {};
};

struct GroupEntry {
  std::string name;
  std::uint32_t gid = 0;
  std::vector<std::string> members;
  std::size_t line = 0;
};

template <typename Entry>
struct Parsed {
  std::vector<Entry> entries;
  std::size_t malformed_lines = 0;
};

Parsed<PasswdEntry> parse_passwd(std::string_view text);
Parsed<ShadowEntry> parse_shadow(std::string_view text);
Parsed<GroupEntry> parse_group(std::string_view text);

// A shell that lets the account log in: anything but nologin and false (an empty field is
// /bin/sh, a shell).
bool is_login_shell(std::string_view shell);

// Unsigned decimal without sign or spaces, fitting 32 bits.
std::optional<std::uint32_t> parse_id(std::string_view text);
// A decimal, optionally negative; nullopt for anything else (empty, junk, overflow).
std::optional<long long> parse_integer(std::string_view text);

}  // namespace zt::readers
