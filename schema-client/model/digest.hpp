#pragma once
// SHA-256 of a text, as 64 lower-case hex digits (fingerprints, migration checksums, the
// stored form of api keys and enrollment tokens).
#include <string>
#include <string_view>

namespace zt::model {

std::string sha256_hex(std::string_view data);

}  // namespace zt::model
