#pragma once
// SHA-256 of a text, as 64 lower-case hex digits (fingerprints, migration checksums, the
// stored form of api keys and enrollment tokens).
#include <string>
#include <string_view>

namespace zt::model {

std::string sha256_hex(std::string_view data);

// Frees what OpenSSL keeps for the calling thread (its error state, made when it first works on
// that thread): a thread that computed digests calls it before it ends, or it is left behind.
void release_digest_thread_state();

}  // namespace zt::model
