#pragma once
// redis.conf (Redis 6–7). Pure; never throws.
//
// One directive per line: a case-insensitive keyword and its arguments; "double quoted"
// arguments take C escapes (\n, \", \\, \xHH), 'single quoted' ones are literal; '#' at the
// start of a line is a comment. "include FILE" lines come back as directives like any other
// (the reader follows them).
#include <string>
#include <string_view>
#include <vector>

#include "collectors/database/settings.hpp"

namespace zt::database {

struct RedisDirective {
  std::string keyword;  // lower-case
  std::vector<std::string> args;
  std::size_t line = 0;
  bool operator==(const RedisDirective&) const = default;
};

struct RedisConf {
  std::vector<RedisDirective> directives;
  std::vector<ParseError> errors;
  // The last directive named `keyword`, or nullptr.
  const RedisDirective* last(std::string_view keyword) const;
};

RedisConf parse_redis_conf(std::string_view text);

// Splits like Redis's sdssplitargs; false for unbalanced quotes.
bool split_redis_args(std::string_view line, std::vector<std::string>& out);

}  // namespace zt::database
