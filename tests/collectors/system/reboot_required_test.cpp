#include "collectors/system/reboot_required.hpp"

#include <catch2/catch.hpp>

using zt::system::parse_reboot_required_packages;
using Strings = std::vector<std::string>;

TEST_CASE("reboot-required.pkgs: names once each, in first-seen order", "[unit][reboot]") {
  CHECK(parse_reboot_required_packages(
            "linux-image-6.1.0-30-amd64\nlibssl3\nlinux-image-6.1.0-30-amd64\n") ==
        Strings{"linux-image-6.1.0-30-amd64", "libssl3"});
  CHECK(parse_reboot_required_packages("  libc6 \r\n\n\ndbus\n   \n") ==
        Strings{"libc6", "dbus"});
  CHECK(parse_reboot_required_packages("") == Strings{});
  CHECK(parse_reboot_required_packages("\n\n") == Strings{});
}
