#pragma once
// sshd_config(5) as sshd (OpenSSH 9.x) reads it. Pure: the text parsing is a function of the
// text, and load_sshd_config takes the two things it needs from the host (reading a file,
// expanding an Include glob) as functions, so tests feed it a map.
//
// Semantics kept:
// - keywords are case-insensitive (stored lower-case); "Keyword value", "Keyword=value" and
//   "Keyword = value"; double quotes group words; an unquoted word starting with '#' ends
//   the line. ChallengeResponseAuthentication is KbdInteractiveAuthentication's old name.
// - the FIRST value obtained for a keyword wins; later ones are ignored.
// - Include takes glob patterns, relative ones under /etc/ssh; the files matched are read in
//   lexical order at the point of inclusion, as if their lines stood there. A file included
//   inside a Match block belongs to it; a Match opened inside an included file ends with
//   that file (the includer's context is restored after it).
// - Match blocks are kept apart: each has its own first-value-wins settings, and a setting
//   for a connection the block matches is the block's value, else the global one, else
//   OpenSSH's default. Which connections a block matches is not evaluated: each block is
//   looked at as if it matched (the collector reports a weak setting "in Match User backup").
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zt::readers {

struct SshdDirective {
  std::string keyword;  // lower-case
  std::vector<std::string> args;
  std::size_t line = 0;
};
// One file's directives, in order. Lines without a keyword are skipped.
std::vector<SshdDirective> parse_sshd_directives(std::string_view text);

struct SshdSetting {
  std::string value;  // the arguments joined with one space
  std::string file;
  std::size_t line = 0;
};
using SshdSettings = std::map<std::string, SshdSetting, std::less<>>;

struct MatchBlock {
  std::string criteria;  // "User backup", "Address 10.0.0.0/8 User alice"
  std::string file;
  std::size_t line = 0;
  SshdSettings settings;  // first value wins within the block
};

struct SshdConfig {
  SshdSettings global;
  std::vector<MatchBlock> matches;
  std::vector<std::string> files;     // every file read, main file first, in reading order
  std::vector<std::string> problems;  // includes that could not be read, too deep nesting
};

struct SshdSource {
  // The text of a host path, or an error message.
  std::function<std::optional<std::string>(const std::string& path, std::string& error)> read;
  // The host paths an absolute glob pattern matches, sorted.
  std::function<std::vector<std::string>(const std::string& pattern)> glob;
};

SshdConfig load_sshd_config(const std::string& main_path, std::string_view main_text,
                            const SshdSource& source, int max_depth = 16,
                            std::size_t max_files = 256);

// OpenSSH's default for a keyword (lower-case), "" for the algorithm lists (their defaults
// are in ssh_algorithms.hpp) and for keywords this collector does not track.
std::string_view sshd_default(std::string_view keyword);

// The value in effect for `keyword` globally, or for a connection that `match` applies to:
// the block's value, else the global one, else the default. `from` gets the setting it came
// from (nullptr when it is the default).
std::string effective_value(const SshdConfig& config, std::string_view keyword,
                            const MatchBlock* match = nullptr, const SshdSetting** from = nullptr);

// "yes"/"no"-style value to a bool; unknown words are "no".
bool is_yes(std::string_view value);

}  // namespace zt::readers
