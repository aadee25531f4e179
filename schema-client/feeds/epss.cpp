#include "schema-client/feeds/epss.hpp"

#include <charconv>
#include <string>
#include <vector>

#include "schema-client/base/gzip.hpp"
#include "schema-client/base/text.hpp"
#include "schema-client/feeds/json_fields.hpp"

namespace zt::feeds {
namespace {

constexpr std::string_view kHeader = "cve,epss,percentile";

std::string quoted(std::string_view text) { return shown(nlohmann::json(std::string(text))); }

std::vector<std::string_view> split_commas(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t pos = 0;;) {
    const std::size_t comma = line.find(',', pos);
    fields.push_back(base::trim(line.substr(pos, comma - pos)));
    if (comma == std::string_view::npos) return fields;
    pos = comma + 1;
  }
}

std::optional<double> probability(std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !(value >= 0 && value <= 1))
    return std::nullopt;
  return value;
}

// "#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000"
void read_comment(std::string_view line, EpssRead& read, ProblemLog& log) {
  line.remove_prefix(1);
  for (std::string_view item : split_commas(line)) {
    const std::size_t colon = item.find(':');
    const std::string_view key = item.substr(0, colon);
    const std::string_view value = colon == std::string_view::npos ? "" : item.substr(colon + 1);
    if (key == "model_version") {
      read.model_version = std::string(value);
    } else if (key == "score_date") {
      read.score_date = parse_feed_time(value);
      if (!read.score_date)
        log.add("line 1", "score_date: expected an RFC 3339 timestamp, got " + quoted(value));
    }
  }
}

void read_row(std::string_view line, const std::string& at, EpssRead& read, ProblemLog& log) {
  const std::vector<std::string_view> fields = split_commas(line);
  if (fields.size() != 3) {
    log.add(at, "expected 3 fields (cve,epss,percentile), got " + std::to_string(fields.size()));
    return;
  }
  const auto epss = probability(fields[1]);
  const auto percentile = probability(fields[2]);
  const std::size_t before = log.count();
  if (!fields[0].starts_with("CVE-") || fields[0].size() < 5)
    log.add(at, "cve: expected a CVE id, got " + quoted(fields[0]));
  if (!epss) log.add(at, "epss: expected a number from 0 to 1, got " + quoted(fields[1]));
  if (!percentile)
    log.add(at, "percentile: expected a number from 0 to 1, got " + quoted(fields[2]));
  if (log.count() == before) read.records.push_back({std::string(fields[0]), *epss, *percentile});
}

}  // namespace

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

EpssRead read_epss(std::string_view name, std::string_view bytes, std::size_t max_bytes) {
  EpssRead read;
  ProblemLog log(std::string(name), read.problems);
  std::string inflated;
  if (is_gzip(bytes)) {
    auto plain = base::gzip_decompress(bytes, max_bytes);
    if (!plain) {
      log.add("gzip", plain.error().message);
      return read;
    }
    inflated = std::move(*plain);
    bytes = inflated;
  }
  const std::vector<std::string_view> lines = base::split_lines(bytes);
  std::size_t n = 0;
  if (n < lines.size() && lines[n].starts_with('#')) read_comment(lines[n++], read, log);
  if (n >= lines.size() || base::trim(lines[n]) != kHeader) {
    log.add("line " + std::to_string(n + 1),
            "expected the header " + std::string(kHeader) + ", got " +
                (n < lines.size() ? quoted(lines[n]) : std::string("the end of the file")));
    return read;
  }
  for (++n; n < lines.size(); ++n)
    if (!base::trim(lines[n]).empty())
      read_row(lines[n], "line " + std::to_string(n + 1), read, log);
  return read;
}

}  // namespace zt::feeds
