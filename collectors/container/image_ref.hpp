#pragma once
// An image reference split into name, tag and digest ("registry:5000/app:1.2@sha256:…").
// Pure. An image id ("sha256:…", or 64 hex digits) is a name with neither tag nor digest.
#include <string>
#include <string_view>

namespace zt::container {

struct ImageRef {
  std::string name;
  std::string tag;     // "" when the reference has none
  std::string digest;  // "sha256:…" or ""
  bool is_id = false;  // the reference is an image id, not a name
};

ImageRef split_image_ref(std::string_view ref);

}  // namespace zt::container
