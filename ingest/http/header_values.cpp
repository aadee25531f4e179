#include "ingest/http/header_values.hpp"

#include <algorithm>
#include <cctype>

namespace zt::ingest {
namespace {

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::string media_type(std::string_view content_type) {
  return lower(trim(content_type.substr(0, content_type.find(';'))));
}

std::string path_of(std::string_view target) {
  return std::string(target.substr(0, target.find('?')));
}

BodyEncoding body_encoding(std::string_view content_encoding) {
  const std::string coding = lower(trim(content_encoding));
  if (coding.empty() || coding == "identity") return BodyEncoding::identity;
  if (coding == "gzip" || coding == "x-gzip") return BodyEncoding::gzip;
  return BodyEncoding::unsupported;
}

std::string_view route_label(std::string_view path, const std::vector<std::string>& known_routes) {
  for (const std::string& route : known_routes)
    if (route == path) return route;
  return "other";
}

}  // namespace zt::ingest
