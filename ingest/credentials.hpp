#pragma once
// Agent api keys and enrollment tokens: 256 random bits (OpenSSL's CSPRNG) in base64url behind
// a readable prefix ("zt_…" keys, "zte_…" tokens), shown once and stored only as their SHA-256.
// A plain hash is enough: the secret is random, not a password, so there is nothing to
// guess from the hash; a slow hash would only slow down every request.
#include <optional>
#include <string>
#include <string_view>

#include "schema-client/pg/fleet.hpp"

namespace zt::ingest {

inline constexpr std::string_view kApiKeyPrefix = "zt_";
inline constexpr std::string_view kEnrollmentTokenPrefix = "zte_";

std::string new_secret(std::string_view prefix);

// Hash and display prefix (the readable prefix plus a few characters: enough to tell keys
// apart in a listing, far too few to guess the rest).
pg::StoredSecret stored_form(std::string_view secret);

// The token of "Bearer <token>" (scheme case-insensitive), or nullopt.
std::optional<std::string_view> bearer_token(std::string_view authorization);

}  // namespace zt::ingest
