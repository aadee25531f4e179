#pragma once
// The shapes every configuration parser of the database collector returns: a setting with
// where it was read (file and line), and a parse error naming its line. Pure data.
#include <cstddef>
#include <string>
#include <vector>

namespace zt::database {

// Where a value was seen. line 0: not from a file line (a command-line argument, or a
// built-in default, in which case file says so: "default").
struct Evidence {
  std::string file;
  std::size_t line = 0;
  std::string value;
  bool operator==(const Evidence&) const = default;
};

struct ParseError {
  std::size_t line = 0;
  std::string message;
  bool operator==(const ParseError&) const = default;
};

// "file:line: message", the shape of every configuration problem the collector reports.
std::string describe_error(const std::string& file, const ParseError& error);

// Lower-case ASCII copy.
std::string lower(std::string text);
// "yes", "on", "true", "1" (any case) → true; "no", "off", "false", "0" → false; else nothing.
int parse_bool(const std::string& text);  // 1, 0, or -1 when not a boolean

}  // namespace zt::database
