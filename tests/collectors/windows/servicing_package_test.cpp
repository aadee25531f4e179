#include "collectors/windows/servicing_package.hpp"

#include <catch2/catch.hpp>

using zt::windows::kb_of_package;

TEST_CASE("windows: servicing package names give their KB number", "[unit][windows]") {
  CHECK(kb_of_package("Package_for_KB5034441~31bf3856ad364e35~amd64~~19041.3920.1.2") ==
        "KB5034441");
  CHECK(kb_of_package("Package_1_for_KB5005565~31bf3856ad364e35~amd64~~19041.1237.1.4") ==
        "KB5005565");
  CHECK(kb_of_package("Package_for_RollupFix~31bf3856ad364e35~amd64~~19041.3930.1.8") ==
        std::nullopt);
  CHECK(kb_of_package("Microsoft-Windows-Client-LanguagePack-Package~31bf3856ad364e35~amd64~"
                      "en-US~10.0.19041.1") == std::nullopt);
  // The KB must be in the identity, before the first '~', and have digits.
  CHECK(kb_of_package("Package~x_for_KB123") == std::nullopt);
  CHECK(kb_of_package("Package_for_KB~1") == std::nullopt);
  CHECK(kb_of_package("") == std::nullopt);
}
