#include "collectors/database/redis_config.hpp"

#include <cctype>

#include "collectors/core/text.hpp"

namespace zt::database {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

const RedisDirective* RedisConf::last(std::string_view keyword) const {
  for (auto it = directives.rbegin(); it != directives.rend(); ++it)
    if (it->keyword == keyword) return &*it;
  return nullptr;
}

bool split_redis_args(std::string_view line, std::vector<std::string>& out) {
  std::size_t i = 0;
  const std::size_t n = line.size();
  while (true) {
    while (i < n && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= n) return true;
    std::string arg;
    if (line[i] == '"') {
      ++i;
      for (;; ++i) {
        if (i >= n) return false;
        if (line[i] == '\\' && i + 1 < n) {
          const char e = line[++i];
          if (e == 'x' && i + 2 < n && hex_digit(line[i + 1]) >= 0 && hex_digit(line[i + 2]) >= 0) {
            arg += static_cast<char>(hex_digit(line[i + 1]) * 16 + hex_digit(line[i + 2]));
            i += 2;
          } else {
            arg += e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
          }
        } else if (line[i] == '"') {
          ++i;
          break;
        } else {
          arg += line[i];
        }
      }
      if (i < n && line[i] != ' ' && line[i] != '\t') return false;  // "a"b
    } else if (line[i] == '\'') {
      ++i;
      for (;; ++i) {
        if (i >= n) return false;
        if (line[i] == '\\' && i + 1 < n && line[i + 1] == '\'') {
          arg += '\'';
          ++i;
        } else if (line[i] == '\'') {
          ++i;
          break;
        } else {
          arg += line[i];
        }
      }
      if (i < n && line[i] != ' ' && line[i] != '\t') return false;
    } else {
      while (i < n && line[i] != ' ' && line[i] != '\t') arg += line[i++];
    }
    out.push_back(std::move(arg));
  }
}

RedisConf parse_redis_conf(std::string_view text) {
  RedisConf conf;
  std::size_t number = 0;
  for (std::string_view raw : collector::split_lines(text)) {
    ++number;
    const std::string_view line = collector::trim(raw);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> words;
    if (!split_redis_args(line, words)) {
      conf.errors.push_back({number, "unbalanced quotes"});
      continue;
    }
    if (words.empty()) continue;
    RedisDirective d{lower(words[0]), {words.begin() + 1, words.end()}, number};
    if (d.args.empty()) {
      conf.errors.push_back({number, "directive \"" + words[0] + "\" has no argument"});
      continue;
    }
    conf.directives.push_back(std::move(d));
  }
  return conf;
}

}  // namespace zt::database
