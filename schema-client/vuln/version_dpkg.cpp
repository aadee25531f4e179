#include "schema-client/vuln/version_dpkg.hpp"

#include <algorithm>

#include "schema-client/vuln/version_chars.hpp"

namespace zt::vuln {
namespace {

constexpr std::string_view kMaxEpoch = "2147483647";  // dpkg keeps the epoch in an int
constexpr std::string_view kUpstreamPunctuation = ".-+~:";
constexpr std::string_view kRevisionPunctuation = ".+~";

constexpr bool is_blank(char c) { return c == ' ' || c == '\t'; }
// What strtol skips before a number: isspace in the C locale.
constexpr bool is_c_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// The digits of the epoch dpkg reads from all of `text` (strtol: C spaces, a sign, digits),
// or nullopt where it reads none, stops short of the ':' or finds a negative number.
std::optional<std::string_view> epoch_digits(std::string_view text) {
  while (!text.empty() && is_c_space(text.front())) text.remove_prefix(1);
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || !std::all_of(text.begin(), text.end(), is_ascii_digit)) return std::nullopt;
  if (negative && compare_digit_runs(text, "0") != 0) return std::nullopt;
  return text;
}

struct Parts {
  std::optional<std::string_view> epoch;     // digits; nullopt: no epoch was split off
  std::string_view upstream;
  std::optional<std::string_view> revision;  // nullopt: no '-'
};

// The lenient split compare_dpkg applies to any text (see the header); for text dpkg accepts
// it is dpkg's own. The caller has cut the text at a NUL and trimmed its blanks.
Parts split(std::string_view text) {
  Parts parts;
  if (const std::size_t colon = text.find(':'); colon != std::string_view::npos) {
    parts.epoch = epoch_digits(text.substr(0, colon));
    if (parts.epoch) text.remove_prefix(colon + 1);
  }
  const std::size_t hyphen = text.rfind('-');
  parts.upstream = text.substr(0, hyphen);
  if (hyphen != std::string_view::npos) parts.revision = text.substr(hyphen + 1);
  return parts;
}

// The weight of the byte at `at` in a run of non-digits, as dpkg's order(): the end of the
// part and a digit weigh 0, '~' less, letters their code, then the bytes of 0x80 and more
// (dpkg adds 256 to a signed char), then every other byte.
int weight(std::string_view part, std::size_t at) {
  if (at >= part.size() || is_ascii_digit(part[at])) return 0;
  const auto byte = static_cast<unsigned char>(part[at]);
  if (byte == '~') return -1;
  if (is_ascii_alpha(part[at]) || byte >= 0x80) return byte;
  return byte + 256;
}

std::string_view digit_run(std::string_view part, std::size_t& at) {
  const std::size_t start = at;
  while (at < part.size() && is_ascii_digit(part[at])) ++at;
  return part.substr(start, at - start);
}

// dpkg's verrevcmp: one upstream version (or revision) against another. The non-digit run
// goes on while either side still has a non-digit; a side at a digit or at its end weighs 0
// there, which no non-digit does, so both sides always advance together.
int compare_part(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    while ((i < a.size() && !is_ascii_digit(a[i])) || (j < b.size() && !is_ascii_digit(b[j]))) {
      const int wa = weight(a, i);
      const int wb = weight(b, j);
      if (wa != wb) return wa < wb ? -1 : 1;
      ++i;
      ++j;
    }
    if (const int order = compare_digit_runs(digit_run(a, i), digit_run(b, j)); order != 0) {
      return order;
    }
  }
  return 0;
}

int compare_after_epoch(std::string_view upstream_a, std::string_view revision_a,
                        std::string_view upstream_b, std::string_view revision_b) {
  if (const int order = compare_part(upstream_a, upstream_b); order != 0) return order;
  return compare_part(revision_a, revision_b);
}

bool only(std::string_view text, std::string_view punctuation) {
  return std::all_of(text.begin(), text.end(), [&](char c) {
    return is_ascii_digit(c) || is_ascii_alpha(c) || punctuation.find(c) != std::string_view::npos;
  });
}

}  // namespace

std::optional<DpkgVersion> parse_dpkg(std::string_view text) {
  const std::string_view version = trim_blanks(until_nul(text));
  if (version.empty() || std::any_of(version.begin(), version.end(), is_blank)) return std::nullopt;
  const Parts parts = split(version);
  if (version.find(':') != std::string_view::npos && !parts.epoch) return std::nullopt;
  if (parts.epoch && compare_digit_runs(*parts.epoch, kMaxEpoch) > 0) return std::nullopt;
  if (parts.upstream.empty() || (parts.revision && parts.revision->empty())) return std::nullopt;

  DpkgVersion parsed;
  for (const char digit : parts.epoch.value_or("")) {
    parsed.epoch = parsed.epoch * 10 + static_cast<std::uint32_t>(digit - '0');
  }
  parsed.upstream = parts.upstream;
  parsed.revision = parts.revision.value_or("");
  parsed.warned = !is_ascii_digit(parsed.upstream.front()) ||
                  !only(parsed.upstream, kUpstreamPunctuation) ||
                  !only(parsed.revision, kRevisionPunctuation);
  return parsed;
}

int compare_dpkg(const DpkgVersion& a, const DpkgVersion& b) {
  if (a.epoch != b.epoch) return a.epoch < b.epoch ? -1 : 1;
  return compare_after_epoch(a.upstream, a.revision, b.upstream, b.revision);
}

int compare_dpkg(std::string_view a, std::string_view b) {
  const Parts pa = split(trim_blanks(until_nul(a)));
  const Parts pb = split(trim_blanks(until_nul(b)));
  if (const int order = compare_digit_runs(pa.epoch.value_or(""), pb.epoch.value_or(""));
      order != 0) {
    return order;
  }
  return compare_after_epoch(pa.upstream, pa.revision.value_or(""), pb.upstream,
                             pb.revision.value_or(""));
}

}  // namespace zt::vuln
