// Fingerprints: stable identity from the agent, the category and the identifying fields.
#include <catch2/catch.hpp>

#include "schema-client/model/fingerprint.hpp"
#include "tests/schema-client/sample_batch.hpp"

using namespace zt::model;
using zt::testing::kAgentIdentity;
using zt::testing::sample_finding;

namespace {

bool is_sha256_hex(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

TEST_CASE("fingerprint: SHA-256 in lower-case hex, the same for the same input",
          "[unit][model]") {
  for (const CategorySpec& s : all_categories()) {
    CAPTURE(s.name);
    const Finding f = sample_finding(s.category);
    const std::string fp = compute_fingerprint(kAgentIdentity, f);
    CHECK(is_sha256_hex(fp));
    CHECK(compute_fingerprint(kAgentIdentity, f) == fp);
    CHECK(compute_fingerprint(kAgentIdentity, Finding(f)) == fp);
  }
}

TEST_CASE("fingerprint: the format is pinned, a change would re-key every stored finding",
          "[unit][model]") {
  // sha256("zt-fp-v1" US agent US category (US key=json)...) with US = 0x1f, computed
  // independently (Python hashlib).
  CHECK(compute_fingerprint(kAgentIdentity, sample_finding(Category::auth)) ==
        "732c0441acd773ac1d0e84eaf5c6942d34465825364423b73355d5c8f7287c4a");
  CHECK(compute_fingerprint(kAgentIdentity, sample_finding(Category::network)) ==
        "27c2d274daeedf13b884fceaa2974a9a1d5efdfe58c213511e9019d2902a6b0b");
}

TEST_CASE("fingerprint: another agent, another fingerprint", "[unit][model]") {
  const Finding f = sample_finding(Category::system);
  CHECK(compute_fingerprint(kAgentIdentity, f) !=
        compute_fingerprint("0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d", f));
  CHECK(compute_fingerprint(kAgentIdentity, f) != compute_fingerprint("", f));
}

TEST_CASE("fingerprint: another category with the same fields, another fingerprint",
          "[unit][model]") {
  Finding a = sample_finding(Category::api);
  Finding b = a;
  b.category = Category::iot_ot;
  b.fields = a.fields;
  CHECK(compute_fingerprint(kAgentIdentity, a) != compute_fingerprint(kAgentIdentity, b));
}

TEST_CASE("fingerprint: each identifying field, changed alone, changes it", "[unit][model]") {
  for (const CategorySpec& s : all_categories()) {
    const Finding base = sample_finding(s.category);
    const std::string fp = compute_fingerprint(kAgentIdentity, base);
    for (std::string_view key : s.identity) {
      CAPTURE(s.name, key);
      const std::string k{key};
      Finding changed = base;
      // Where the key lives now, or in fields when the sample leaves it out.
      nlohmann::json& home =
          base.fields.contains(k) || !base.metadata.contains(k) ? changed.fields : changed.metadata;
      home[k] = k == "port" ? nlohmann::json(8443) : nlohmann::json("other-" + k);
      CHECK(compute_fingerprint(kAgentIdentity, changed) != fp);
      // Removing it changes it too.
      Finding removed = base;
      removed.fields.erase(k);
      removed.metadata.erase(k);
      if (base.fields.contains(k) || base.metadata.contains(k))
        CHECK(compute_fingerprint(kAgentIdentity, removed) != fp);
    }
  }
}

TEST_CASE("fingerprint: unchanged when anything but the identity changes", "[unit][model]") {
  for (const CategorySpec& s : all_categories()) {
    CAPTURE(s.name);
    const Finding base = sample_finding(s.category);
    const std::string fp = compute_fingerprint(kAgentIdentity, base);
    Finding f = base;
    f.title = "a new title";
    f.description = "reworded";
    f.remediation = "do something else";
    f.severity = f.severity == Severity::info ? Severity::critical : Severity::info;
    f.risk_score = 1.25;
    f.fingerprint = std::string(64, '0');
    f.metadata["seen_at"] = "2026-11-27T00:00:00.000Z";
    f.metadata["evidence"] = "a new value";
    for (const FieldSpec& field : s.fields) {
      bool identifying = false;
      for (std::string_view key : s.identity) identifying = identifying || key == field.name;
      if (!identifying) f.fields.erase(std::string(field.name));
    }
    CHECK(compute_fingerprint(kAgentIdentity, f) == fp);
  }
}

TEST_CASE("fingerprint: a network finding's kind comes from metadata", "[unit][model]") {
  // network_findings has no finding_type column: the kind lives in metadata and still
  // tells two findings on the same port apart.
  Finding expiring = sample_finding(Category::network);
  REQUIRE_FALSE(expiring.fields.contains("finding_type"));
  REQUIRE(expiring.metadata["finding_type"] == "tls_cert_expiring");
  Finding weak = expiring;
  weak.metadata["finding_type"] = "weak_tls_version";
  Finding unknown = expiring;
  unknown.metadata.erase("finding_type");
  const std::string a = compute_fingerprint(kAgentIdentity, expiring);
  const std::string b = compute_fingerprint(kAgentIdentity, weak);
  const std::string c = compute_fingerprint(kAgentIdentity, unknown);
  CHECK(a != b);
  CHECK(a != c);
  CHECK(b != c);
}

TEST_CASE("fingerprint: a column takes precedence over metadata of the same name",
          "[unit][model]") {
  const Finding auth = sample_finding(Category::auth);
  Finding shadowed = auth;
  shadowed.metadata["finding_type"] = "something_else";
  CHECK(compute_fingerprint(kAgentIdentity, shadowed) ==
        compute_fingerprint(kAgentIdentity, auth));
}

TEST_CASE("fingerprint: values are compared as JSON, 443 is not \"443\"", "[unit][model]") {
  const Finding a = sample_finding(Category::database);
  Finding b = a;
  b.fields["port"] = "5432";
  CHECK(compute_fingerprint(kAgentIdentity, a) != compute_fingerprint(kAgentIdentity, b));
}

TEST_CASE("fingerprint: a value cannot move into its neighbour", "[unit][model]") {
  Finding a = sample_finding(Category::auth);
  a.fields = {{"finding_type", "ab"}, {"user_account", "c"}};
  Finding b = a;
  b.fields = {{"finding_type", "a"}, {"user_account", "bc"}};
  CHECK(compute_fingerprint(kAgentIdentity, a) != compute_fingerprint(kAgentIdentity, b));
}

TEST_CASE("invalid UTF-8 in an identifying field still gives a fingerprint",
          "[unit][model]") {
  // A value read from a host file may not be UTF-8; serialize() replaces such bytes, the
  // fingerprint should not throw either.
  Finding f = sample_finding(Category::privacy);
  f.fields["location"] = "/var/log/\xff\xfe.log";
  std::string fp;
  REQUIRE_NOTHROW(fp = compute_fingerprint(kAgentIdentity, f));
  CHECK(is_sha256_hex(fp));
}
