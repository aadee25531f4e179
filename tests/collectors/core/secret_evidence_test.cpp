// The evidence a finding holds of a secret (privacy, web3): a short masked prefix, never more
// than a quarter of the value, and a hash that depends on the salt.
#include "collectors/core/secret_evidence.hpp"

#include <catch2/catch.hpp>

using zt::collector::secret_evidence;

TEST_CASE("Secret evidence masks the value and salts its hash", "[unit]") {
  const auto e = secret_evidence("ghp_abcdefghijklmnop", "salt");
  CHECK(e.masked == "ghp_…");
  CHECK(e.hash.size() == 16);
  CHECK(secret_evidence("hunter2", "salt").masked == "h…");
  CHECK(secret_evidence("abc", "salt").masked == "…");
  CHECK(secret_evidence("abandon abandon about", "salt", 2).masked == "ab…");
  CHECK(secret_evidence("ghp_abcdefghijklmnop", "other").hash != e.hash);
  CHECK(secret_evidence("ghp_abcdefghijklmnop", "salt") == e);
  CHECK(zt::collector::to_json(e) == nlohmann::json{{"masked", "ghp_…"}, {"hash", e.hash}});
}
