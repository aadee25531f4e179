#include "collectors/core/glob_match.hpp"

#include <cstddef>
#include <optional>

namespace zt::collector {
namespace {

struct SetMatch {
  bool matched = false;
  std::size_t end = 0;  // the index just past the set's "]"
};

// The bracket expression starting at glob[start] == '[' against `c`; nullopt when it has no
// closing "]" (the "[" is then an ordinary character).
std::optional<SetMatch> match_set(std::string_view glob, std::size_t start, char c) {
  std::size_t i = start + 1;
  const bool negated = i < glob.size() && (glob[i] == '!' || glob[i] == '^');
  if (negated) ++i;
  bool matched = false;
  bool first = true;  // a "]" right after "[" or "[!" is a member
  while (i < glob.size() && (first || glob[i] != ']')) {
    first = false;
    char low = glob[i];
    if (low == '\\' && i + 1 < glob.size()) low = glob[++i];
    ++i;
    char high = low;
    if (i + 1 < glob.size() && glob[i] == '-' && glob[i + 1] != ']') {
      high = glob[i + 1];
      if (high == '\\' && i + 2 < glob.size()) high = glob[++i + 1];
      i += 2;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (static_cast<unsigned char>(low) <= byte && byte <= static_cast<unsigned char>(high))
      matched = true;
  }
  if (i >= glob.size()) return std::nullopt;
  return SetMatch{matched != negated, i + 1};
}

}  // namespace

bool glob_match(std::string_view glob, std::string_view text) {
  // Iterative, with one backtracking point: the last "*" seen and where its run ends in the
  // text. Linear in practice, never recursive, whatever the glob.
  std::size_t g = 0, t = 0;
  std::optional<std::size_t> star_glob;
  std::size_t star_text = 0;
  while (t < text.size()) {
    if (g < glob.size()) {
      const char p = glob[g];
      if (p == '*') {
        star_glob = ++g;
        star_text = t;
        continue;
      }
      if (p == '?') {
        ++g, ++t;
        continue;
      }
      if (p == '[') {
        if (const auto set = match_set(glob, g, text[t])) {
          if (set->matched) {
            g = set->end, ++t;
            continue;
          }
        } else if (text[t] == '[') {
          ++g, ++t;
          continue;
        }
      } else {
        const char literal = p == '\\' && g + 1 < glob.size() ? glob[g + 1] : p;
        if (literal == text[t]) {
          g += p == '\\' && g + 1 < glob.size() ? 2 : 1;
          ++t;
          continue;
        }
      }
    }
    if (!star_glob) return false;
    g = *star_glob;  // the last "*" takes one more character
    t = ++star_text;
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

}  // namespace zt::collector
