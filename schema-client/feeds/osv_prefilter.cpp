#include "schema-client/feeds/osv_prefilter.hpp"

namespace zt::feeds {
namespace {

constexpr std::string_view kNameKey = "\"name\"";

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_space(std::string_view text, std::size_t at) {
  while (at < text.size() && is_json_space(text[at])) ++at;
  return at;
}

}  // namespace

OsvPackageFilter::OsvPackageFilter(const std::vector<std::string>& package_names)
    : names_(package_names.begin(), package_names.end()) {}

bool OsvPackageFilter::may_concern(std::string_view record) {
  if (record.find("\\u") != std::string_view::npos) return true;
  for (std::size_t key = record.find(kNameKey); key != std::string_view::npos;
       key = record.find(kNameKey, key + kNameKey.size())) {
    std::size_t at = skip_space(record, key + kNameKey.size());
    if (at >= record.size() || record[at] != ':') continue;  // "name" as a value, not a key
    at = skip_space(record, at + 1);
    if (at >= record.size() || record[at] != '"') continue;  // not a string
    const std::size_t end = record.find('"', at + 1);
    if (end == std::string_view::npos) return true;  // cut short: let the parser say why
    const std::string_view value = record.substr(at + 1, end - at - 1);
    if (value.find('\\') != std::string_view::npos) return true;
    if (names_.contains(value)) return true;
  }
  turned_away_.fetch_add(1, std::memory_order_relaxed);
  return false;
}

}  // namespace zt::feeds
