#include "collectors/container/image_ref.hpp"

#include <algorithm>

namespace zt::container {
namespace {

bool is_hex_id(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

ImageRef split_image_ref(std::string_view ref) {
  ImageRef out;
  if (ref.starts_with("sha256:") || is_hex_id(ref)) {
    out.name = std::string(ref);
    out.is_id = true;
    return out;
  }
  if (const auto at = ref.find('@'); at != std::string_view::npos) {
    out.digest = std::string(ref.substr(at + 1));
    ref = ref.substr(0, at);
  }
  // A ':' after the last '/' starts the tag; one before it is a registry port.
  const auto slash = ref.rfind('/');
  const auto colon = ref.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    out.tag = std::string(ref.substr(colon + 1));
    ref = ref.substr(0, colon);
  }
  out.name = std::string(ref);
  return out;
}

}  // namespace zt::container
