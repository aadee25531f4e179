#include "collectors/system/debian_version.hpp"

namespace zt::system {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// The weight of one character of a non-digit run; `end` stands for "past the end".
int weight(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  const char c = s[i];
  if (c == '~') return -1;
  if (is_digit(c)) return 0;  // only ever compared against a non-digit, which differs
  if (is_letter(c)) return static_cast<unsigned char>(c);
  return static_cast<unsigned char>(c) + 256;
}

int sign(long long v) { return v < 0 ? -1 : (v > 0 ? 1 : 0); }

// Compares two runs of digits as numbers without converting them (they may be long).
int compare_numbers(std::string_view a, std::string_view b) {
  while (!a.empty() && a.front() == '0') a.remove_prefix(1);
  while (!b.empty() && b.front() == '0') b.remove_prefix(1);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return sign(a.compare(b));
}

std::string_view digit_run(std::string_view s, std::size_t& i) {
  const std::size_t start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  return s.substr(start, i - start);
}

// One part (upstream version or revision) against another.
int compare_part(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    while ((i < a.size() && !is_digit(a[i])) || (j < b.size() && !is_digit(b[j]))) {
      const int wa = weight(a, i);
      const int wb = weight(b, j);
      if (wa != wb) return wa < wb ? -1 : 1;
      ++i;
      ++j;
    }
    const int numbers = compare_numbers(digit_run(a, i), digit_run(b, j));
    if (numbers != 0) return numbers;
  }
  return 0;
}

struct Parts {
  std::string_view epoch;  // digits, possibly empty (0)
  std::string_view upstream;
  std::string_view revision;
};

Parts split(std::string_view v) {
  Parts p;
  // dpkg rejects a non-numeric epoch; to stay total, such a colon is part of the upstream.
  if (const std::size_t colon = v.find(':'); colon != std::string_view::npos) {
    const std::string_view epoch = v.substr(0, colon);
    bool numeric = !epoch.empty();
    for (char c : epoch) numeric = numeric && is_digit(c);
    if (numeric) {
      p.epoch = epoch;
      v.remove_prefix(colon + 1);
    }
  }
  if (const std::size_t dash = v.rfind('-'); dash != std::string_view::npos) {
    p.upstream = v.substr(0, dash);
    p.revision = v.substr(dash + 1);
  } else {
    p.upstream = v;
  }
  return p;
}

}  // namespace

int compare_debian_versions(std::string_view a, std::string_view b) {
  const Parts pa = split(a);
  const Parts pb = split(b);
  if (const int c = compare_numbers(pa.epoch, pb.epoch); c != 0) return c;
  if (const int c = compare_part(pa.upstream, pb.upstream); c != 0) return c;
  return compare_part(pa.revision, pb.revision);
}

}  // namespace zt::system
