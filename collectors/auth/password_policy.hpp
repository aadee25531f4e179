#pragma once
// Password policy sources, parsed: login.defs(5) ("KEY value"), pwquality.conf(5)
// ("key = value") and PAM stack lines (pam.conf(5): "type control module args…"). Pure;
// never throw. Malformed lines are skipped.
//
// The effective minimum length is the largest minimum of the modules in the PAM password
// stack, since a new password must pass each of them: pam_pwquality (its minlen= argument,
// else pwquality.conf and pwquality.conf.d, else libpwquality's default 8), pam_cracklib
// (minlen=, default 9) and pam_unix (minlen=, default 6). Length credits (dcredit…) are
// ignored: they lower the real minimum only for passwords using those classes.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zt::auth {

struct ConfValue {
  std::string value;
  std::size_t line = 0;
};
// Keys as written; later assignments replace earlier ones (as getdef and libpwquality do).
using ConfValues = std::map<std::string, ConfValue, std::less<>>;

// login.defs: "KEY value" (the first word after the key, quotes stripped), '#' comments.
ConfValues parse_login_defs(std::string_view text);
// pwquality.conf: "key = value", or a bare "key" for a boolean (value "").
ConfValues parse_pwquality_conf(std::string_view text);

struct PamLine {
  std::string type;     // "password", "auth", … (a leading '-' removed)
  std::string control;  // "requisite", "[success=1 default=ignore]"
  std::string module;   // the module's file name, without its folder: "pam_unix.so"
  std::vector<std::string> args;
  std::size_t line = 0;  // of the first physical line
};
// '#' comments, backslash continuations, bracketed controls with spaces; "@include" and
// lines with fewer than three words are skipped.
std::vector<PamLine> parse_pam_config(std::string_view text);

// The value of "key=value" in args, nullopt if absent.
std::optional<std::string> pam_arg(const PamLine& line, std::string_view key);

struct MinLength {
  int value = 0;
  std::string module;  // which module sets it: "pam_pwquality.so"
  std::string source;  // "argument minlen=6", "pwquality.conf minlen", "module default"
  std::size_t line = 0;
};

inline constexpr int kPwqualityDefaultMinLen = 8;
inline constexpr int kCracklibDefaultMinLen = 9;
inline constexpr int kUnixDefaultMinLen = 6;

// The effective minimum of the password stack; nullopt when it has no length-checking module.
// `pwquality` holds pwquality.conf merged with its drop-ins.
std::optional<MinLength> effective_min_length(const std::vector<PamLine>& stack,
                                              const ConfValues& pwquality);

}  // namespace zt::auth
