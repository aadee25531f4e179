// The pack loader: a pack with errors gives every one with file:line:col and the field's
// path, and no pack; the fixture packs load.
#include "collectors/compliance/pack_loader.hpp"

#include <catch2/catch.hpp>

#include "tests/collectors/compliance/compliance_fixture.hpp"
#include "tests/support/fuzz.hpp"
#include "tests/support/temp_tree.hpp"

using zt::compliance::parse_pack;
using Strings = std::vector<std::string>;

TEST_CASE("pack loader: every error of a broken pack, located, and nothing loaded",
          "[unit][compliance]") {
  const std::string file = zt::test::compliance_packs("bad") + "/broken.yaml";
  const auto loaded = parse_pack(zt::test::read_text(file), "broken.yaml");
  CHECK_FALSE(loaded.pack);
  CHECK(loaded.errors ==
        Strings{
            "broken.yaml:6:1: colour: unknown key (known keys: pack, title, version, framework, "
            "platform, profiles, controls)",
            "broken.yaml:15:22: controls[0].check.all[1].file_line.path: missing",
            "broken.yaml:19:16: controls[1].profiles[0]: profile \"level9\" is not declared in "
            "the pack's profiles",
            "broken.yaml:22:47: controls[1].check.file_line.matches: bad regular expression "
            "\"(unclosed\": Mismatched '(' and ')' in regular expression",
            "broken.yaml:26:15: controls[2].severity: \"urgent\" is not one of: critical, high, "
            "medium, low, info",
            "broken.yaml:28:7: controls[2].check.shell: unknown check (known: all, any, none, "
            "file, file_line, file_value, sysctl, kernel_module, mount, package, systemd_unit, "
            "sshd, pam, login_defs, audit_rule, accounts)",
            "broken.yaml:23:9: controls[2].id: duplicate control id \"1\"",
        });
}

TEST_CASE("pack loader: expect, probe arguments and the pack's own fields", "[unit][compliance]") {
  const std::string head =
      "pack: p\ntitle: t\nversion: v\nframework: f\ncontrols:\n"
      "  - {id: a, title: t, section: s, severity: low, check: ";
  const auto errors_of = [&](const std::string& check) {
    return parse_pack(head + check + "}\n", "p.yaml").errors;
  };
  CHECK(errors_of("{sysctl: {key: k, expect: {equals: 1}}}").empty());
  CHECK(errors_of("{sysctl: {key: k, expect: {equals: 1, min: 2}}}") ==
        Strings{"p.yaml:6:83: controls[0].check.sysctl.expect: expected exactly one of: equals, "
                "not_equals, matches, in, not_in, min, max, between"});
  CHECK(errors_of("{sysctl: {key: k, expect: {between: [1]}}}") ==
        Strings{"p.yaml:6:93: controls[0].check.sysctl.expect.between: expected [min, max]"});
  CHECK(errors_of("{file: {path: /x, mode_max: \"644\", exists: maybe}}") ==
        Strings{"p.yaml:6:100: controls[0].check.file.exists: expected true or false",
                "p.yaml:6:85: controls[0].check.file.mode_max: expected an octal mode like "
                "\"0640\""});
  CHECK(errors_of("{accounts: {test: password_max_days}}") ==
        Strings{"p.yaml:6:68: controls[0].check.accounts.expect: missing (the test "
                "password_max_days needs it)"});
  CHECK(errors_of("{accounts: {test: everything_fine}}") ==
        Strings{"p.yaml:6:68: controls[0].check.accounts.test: unknown test \"everything_fine\""});
  CHECK(parse_pack("pack: Bad-Id\ntitle: t\nversion: v\nframework: f\ncontrols: []\n", "q.yaml")
            .errors == Strings{"q.yaml:1:7: pack: \"Bad-Id\" is not [a-z0-9_]+"});
  CHECK(parse_pack("pack: [\n", "r.yaml").errors.size() == 1);
}

TEST_CASE("pack loader: the fixture packs load whole", "[unit][compliance]") {
  const std::string file = zt::test::compliance_packs("good") + "/probes.yaml";
  const auto loaded = parse_pack(zt::test::read_text(file), file);
  CHECK(loaded.errors.empty());
  REQUIRE(loaded.pack);
  CHECK(loaded.pack->id == "cmp_probes");
  CHECK(loaded.pack->controls.size() == 32);
  CHECK(loaded.pack->profiles == Strings{"level1", "level2"});
}

TEST_CASE("fuzz: the pack loader never throws, and a pack with errors gives none",
          "[unit][compliance][fuzz]") {
  const std::string seed =
      zt::test::read_text(zt::test::compliance_packs("good") + "/probes.yaml") +
      zt::test::read_text(zt::test::compliance_packs("bad") + "/broken.yaml");
  zt::test::fuzz_text(seed, [](const std::string& text) {
    const auto loaded = parse_pack(text, "fuzz.yaml");
    CHECK(loaded.pack.has_value() == loaded.errors.empty());
  }, 500);
}
