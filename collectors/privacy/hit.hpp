#pragma once
// What a scanner finds in one file's text: the kind of secret and where. `value` points into
// the scanned text and lives only as long as it: the detector turns it into evidence (a
// masked prefix and a salted hash, core/secret_evidence.hpp) before the next file, and the
// value itself is never copied anywhere.
#include <cstddef>
#include <string_view>
#include <vector>

namespace zt::privacy {

struct Hit {
  std::string_view finding_type;  // finding_types.hpp
  std::string_view data_type;     // "github_token"
  std::size_t line = 0;           // 1-based
  std::string_view value;         // the secret itself, in the scanned text
};

using Hits = std::vector<Hit>;

// The 1-based line of `offset` in `text`.
std::size_t line_at(std::string_view text, std::size_t offset);

}  // namespace zt::privacy
