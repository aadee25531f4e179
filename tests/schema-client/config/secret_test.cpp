#include "schema-client/config/secret.hpp"

#include <catch2/catch.hpp>

#include <ostream>

namespace zt::config {
namespace {

template <typename T>
concept Streamable = requires(std::ostream& out, const T& value) { out << value; };
static_assert(!Streamable<Secret>, "a Secret must not be printable");

TEST_CASE("config: a Secret shows only whether it is set", "[unit]") {
  const Secret none;
  CHECK(none.empty());
  CHECK(none.describe() == "(not set)");
  const Secret set("s3cr3t");
  CHECK_FALSE(set.empty());
  CHECK(set.describe() == "(set)");
  CHECK(set.reveal() == "s3cr3t");
}

}  // namespace
}  // namespace zt::config
