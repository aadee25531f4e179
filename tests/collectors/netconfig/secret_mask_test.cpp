#include "collectors/netconfig/secret_mask.hpp"

#include <catch2/catch.hpp>

using zt::netconfig::mask_secrets;

TEST_CASE("mask_secrets keeps a line's shape and masks every secret in it", "[unit]") {
  CHECK(mask_secrets("enable password 7 0822455D0A16") == "enable password 7 082…");
  CHECK(mask_secrets("enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0") == "enable secret 5 $1$m…");
  CHECK(mask_secrets("username bob privilege 15 password 0 backup123") ==
        "username bob privilege 15 password 0 ba…");
  CHECK(mask_secrets(" password 7 13061B13181F") == " password 7 130…");
  CHECK(mask_secrets("snmp-server community public RO") == "snmp-server community p… RO");
  CHECK(mask_secrets("username a role network-admin secret sha512 $6$Lq8wE2rT$yU4i") ==
        "username a role network-admin secret sha512 $6$L…");
  CHECK(mask_secrets("snmp-server community Wr1teAcc3ss! RW 10") == "snmp-server community Wr1… RW 10");
  CHECK(mask_secrets("snmp-server host 10.0.0.1 version 2c N3tworkMon") ==
        "snmp-server host 10.0.0.1 version 2c N3…");
  CHECK(mask_secrets("snmp-server user U G v3 auth sha AuthPass1 priv aes 128 PrivPass1") ==
        "snmp-server user U G v3 auth sha Au… priv aes 128 Pr…");
  CHECK(mask_secrets("ntp authentication-key 1 md5 1511021F07257A767B 7") ==
        "ntp authentication-key 1 md5 1511… 7");
  CHECK(mask_secrets("crypto isakmp key SharedKey123 address 203.0.113.9") ==
        "crypto isakmp key Sha… address 203.0.113.9");
  CHECK(mask_secrets(" key-string 7 0822455D0A16") == " key-string 7 082…");
  // Junos, in both forms.
  CHECK(mask_secrets("        encrypted-password \"$1$kT9sQ2wE$Hn4bV7cX1zL3mP5qR8tY0.\"; ## SECRET-DATA") ==
        "        encrypted-password \"$1$… ## SECRET-DATA");
  CHECK(mask_secrets("set system ntp authentication-key 1 type sha256 value \"$9$kP5Qn/CtOBEhrvLxd\"") ==
        "set system ntp authentication-key 1 type sha256 value \"$9$…");
  CHECK(mask_secrets("set snmp community public authorization read-only") ==
        "set snmp community p… authorization read-only");
  // What holds no secret is left as it is.
  CHECK(mask_secrets("ntp server 10.0.0.5 key 1") == "ntp server 10.0.0.5 key 1");
  CHECK(mask_secrets("key chain OSPF") == "key chain OSPF");
  CHECK(mask_secrets("service password-encryption") == "service password-encryption");
  CHECK(mask_secrets("interface GigabitEthernet0/1") == "interface GigabitEthernet0/1");
  CHECK(mask_secrets("enable password") == "enable password");
}
