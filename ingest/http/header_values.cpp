#include "ingest/http/header_values.hpp"

#include <algorithm>
#include <cctype>

#include "schema-client/base/text.hpp"

namespace zt::ingest {
namespace {

using base::trim;  // a header value holds no CR or LF: trimming them too changes nothing

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

const KnownRoute* known_route(std::string_view path, const std::vector<KnownRoute>& known_routes) {
  for (const KnownRoute& route : known_routes)
    if (route.path == path) return &route;
  return nullptr;
}

}  // namespace zt::ingest
