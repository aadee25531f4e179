// The machine identity: parsing the machine id, the hardware UUID and the boot id, and
// reading them under a host root.
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

TEST_CASE("boot id: 8-4-4-4-12 hex, lower-cased", "[unit]") {
  CHECK(parse_boot_id("8DB09341-96B9-4D08-A359-0C9D273A9340\n") ==
        "8db09341-96b9-4d08-a359-0c9d273a9340");
  CHECK_FALSE(parse_boot_id(""));
  CHECK_FALSE(parse_boot_id("8db0934196b94d08a3590c9d273a9340"));
  CHECK_FALSE(parse_boot_id("8db09341-96b9-4d08-a359-0c9d273a934"));
  CHECK_FALSE(parse_boot_id("8db09341-96b9-4d08-a359-0c9d273a934x"));
}

TEST_CASE("read_machine_identity reads under the host root", "[unit]") {
  TempTree root;
  SECTION("all three files") {
    root.write("etc/machine-id", "0123456789abcdef0123456789abcdef\n");
    root.write("sys/class/dmi/id/product_uuid", "EC2A1B3C-4D5E-6F70-8192-A3B4C5D6E7F8\n");
    root.write("proc/sys/kernel/random/boot_id", "8db09341-96b9-4d08-a359-0c9d273a9340\n");
    const zt::model::MachineIdentity identity = read_machine_identity(root.root());
    CHECK(identity.machine_id == "0123456789abcdef0123456789abcdef");
    CHECK(identity.hardware_uuid == "ec2a1b3c-4d5e-6f70-8192-a3b4c5d6e7f8");
    CHECK(identity.boot_id == "8db09341-96b9-4d08-a359-0c9d273a9340");
    CHECK(to_json(identity) ==
          nlohmann::json{{"machine_id", "0123456789abcdef0123456789abcdef"},
                         {"hardware_uuid", "ec2a1b3c-4d5e-6f70-8192-a3b4c5d6e7f8"},
                         {"boot_id", "8db09341-96b9-4d08-a359-0c9d273a9340"}});
  }
  SECTION("dbus's copy when /etc/machine-id is empty; no hardware uuid") {
    root.write("etc/machine-id", "");
    root.write("var/lib/dbus/machine-id", "fedcba9876543210fedcba9876543210\n");
    const zt::model::MachineIdentity identity = read_machine_identity(root.root());
    CHECK(identity.machine_id == "fedcba9876543210fedcba9876543210");
    CHECK_FALSE(identity.hardware_uuid);
    CHECK_FALSE(identity.boot_id);
    CHECK(to_json(identity) == nlohmann::json{{"machine_id", "fedcba9876543210fedcba9876543210"}});
  }
  SECTION("the one rule for the machine id: a malformed /etc/machine-id is passed over") {
    root.write("etc/machine-id", "uninitialized\n");
    root.write("var/lib/dbus/machine-id", "FEDCBA9876543210FEDCBA9876543210\n");
    CHECK(read_machine_id(root.root()) == "fedcba9876543210fedcba9876543210");
    CHECK(read_machine_identity(root.root()).machine_id == "fedcba9876543210fedcba9876543210");
  }
  SECTION("nothing at all") {
    CHECK_FALSE(read_machine_id(root.root()));
    CHECK(read_machine_identity(root.root()) == zt::model::MachineIdentity{});
    CHECK(to_json(zt::model::MachineIdentity{}) == nlohmann::json::object());
  }
}

TEST_CASE("read_machine_identity reads this machine's boot id from /proc", "[unit]") {
  const zt::model::MachineIdentity identity = read_machine_identity("/");
  REQUIRE(identity.boot_id);
  CHECK(identity.boot_id == parse_boot_id(zt::test::read_text("/proc/sys/kernel/random/boot_id")));
}
