// The machine identity: parsing the machine id and the hardware UUID, and reading them
// under a host root.
#include "transport/machine_identity.hpp"

#include <catch2/catch.hpp>

#include "tests/support/temp_tree.hpp"

using namespace zt::transport;
using zt::test::TempTree;

TEST_CASE("machine id: 32 hex digits, lower-cased, anything else is not one", "[unit]") {
  CHECK(parse_machine_id("4B2A0C2E6F7D4E3C9A1B2C3D4E5F6A7B\n") ==
        "4b2a0c2e6f7d4e3c9a1b2c3d4e5f6a7b");
  CHECK(parse_machine_id("  0123456789abcdef0123456789abcdef  ") ==
        "0123456789abcdef0123456789abcdef");
  CHECK_FALSE(parse_machine_id(""));
  CHECK_FALSE(parse_machine_id("uninitialized\n"));
  CHECK_FALSE(parse_machine_id("0123456789abcdef0123456789abcde"));   // 31
  CHECK_FALSE(parse_machine_id("0123456789abcdef0123456789abcdeg"));  // not hex
  CHECK_FALSE(parse_machine_id("00000000000000000000000000000000"));
}

TEST_CASE("hardware uuid: 8-4-4-4-12 hex, lower-cased, placeholders are not one", "[unit]") {
  CHECK(parse_hardware_uuid("EC2A1B3C-4D5E-6F70-8192-A3B4C5D6E7F8\n") ==
        "ec2a1b3c-4d5e-6f70-8192-a3b4c5d6e7f8");
  CHECK_FALSE(parse_hardware_uuid("00000000-0000-0000-0000-000000000000"));
  CHECK_FALSE(parse_hardware_uuid("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"));
  CHECK_FALSE(parse_hardware_uuid("ec2a1b3c4d5e6f708192a3b4c5d6e7f8"));
  CHECK_FALSE(parse_hardware_uuid("ec2a1b3c-4d5e-6f70-8192-a3b4c5d6e7fz"));
  CHECK_FALSE(parse_hardware_uuid("Not Settable"));
}

TEST_CASE("read_machine_identity reads under the host root", "[unit]") {
  TempTree root;
  SECTION("both files") {
    root.write("etc/machine-id", "0123456789abcdef0123456789abcdef\n");
    root.write("sys/class/dmi/id/product_uuid", "EC2A1B3C-4D5E-6F70-8192-A3B4C5D6E7F8\n");
    const MachineIdentity identity = read_machine_identity(root.root());
    CHECK(identity.machine_id == "0123456789abcdef0123456789abcdef");
    CHECK(identity.hardware_uuid == "ec2a1b3c-4d5e-6f70-8192-a3b4c5d6e7f8");
    CHECK(to_json(identity) ==
          nlohmann::json{{"machine_id", "0123456789abcdef0123456789abcdef"},
                         {"hardware_uuid", "ec2a1b3c-4d5e-6f70-8192-a3b4c5d6e7f8"}});
  }
  SECTION("dbus's copy when /etc/machine-id is empty; no hardware uuid") {
    root.write("etc/machine-id", "");
    root.write("var/lib/dbus/machine-id", "fedcba9876543210fedcba9876543210\n");
    const MachineIdentity identity = read_machine_identity(root.root());
    CHECK(identity.machine_id == "fedcba9876543210fedcba9876543210");
    CHECK_FALSE(identity.hardware_uuid);
    CHECK(to_json(identity) == nlohmann::json{{"machine_id", "fedcba9876543210fedcba9876543210"}});
  }
  SECTION("nothing at all") {
    CHECK(read_machine_identity(root.root()) == MachineIdentity{});
    CHECK(to_json(MachineIdentity{}) == nlohmann::json::object());
  }
}
