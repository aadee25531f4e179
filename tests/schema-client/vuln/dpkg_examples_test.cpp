// The Debian versions ZeroTrace meets most (stable updates, backports, kernel releases, which
// the system collector orders with the same function), as dpkg orders them.
#include "schema-client/vuln/version_dpkg.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using zt::vuln::compare_dpkg;

namespace {

int sign(int v) { return v < 0 ? -1 : (v > 0 ? 1 : 0); }

struct Pair {
  const char* a;
  const char* b;
  int expected;  // sign of compare(a, b)
};

// Each pair as `dpkg --compare-versions` orders it (checked against dpkg in the
// [integration] test below).
const std::vector<Pair> kPairs = {
    {"1.0", "1.0", 0},
    {"1.0", "1.1", -1},
    {"1.10", "1.9", 1},
    {"1.0", "1.0-0", 0},  // no revision sorts like "0"
    {"1.0-1", "1.0-2", -1},
    {"1.0-10", "1.0-9", 1},
    {"1:1.0", "2.0", 1},  // the epoch wins
    {"0:1.0", "1.0", 0},
    {"2:0.1", "10:0.1", -1},
    {"1.0~rc1", "1.0", -1},  // '~' sorts before the end
    {"1.0~rc1", "1.0~rc2", -1},
    {"1.0~~", "1.0~", -1},
    {"1.0~", "1.0", -1},
    {"1.0a", "1.0", 1},    // a letter sorts after the end
    {"1.0a", "1.0+", -1},  // letters before other characters
    {"1.0+", "1.0.", -1},  // '+' (43) before '.' (46), both after letters
    {"1.0.", "1.0-", 1},
    {"1.0", "1.00", 0},  // numbers, not text
    {"1.001", "1.1", 0},
    {"3.0.15-1~deb12u1", "3.0.15-1", -1},  // a stable update sorts before the next upload
    {"3.0.15-1~deb12u1", "3.0.14-1", 1},
    {"2.36-9+deb12u9", "2.36-9+deb12u10", -1},
    {"2.36-9+deb12u9", "2.36-9", 1},
    {"1:9.2p1-2+deb12u3", "1:9.2p1-2+deb12u2", 1},
    {"1:2.38.1-5+deb12u3", "2.39", 1},
    {"6.1.0-28-amd64", "6.1.0-30-amd64", -1},  // kernel releases
    {"6.1.0-9-amd64", "6.1.0-28-amd64", -1},
    {"4.19.0-27-amd64", "6.1.0-9-amd64", -1},
    {"6.1.62-0-lts", "6.1.70-0-lts", -1},
    {"5.15.0-101-generic", "5.15.0-91-generic", 1},
    {"1.2.3-4-5", "1.2.3-4-6", -1},  // the revision is after the last '-'
    {"a", "b", -1},
    {"", "0", 0},
    {"~", "", -1},
    {"12345678901234567890", "12345678901234567891", -1},  // longer than any integer
    {"4.11.4+107-gef32c7afa2-1", "4.11.4+107-gef32c7afa2-1", 0},
};

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

int run_status(const std::string& command) {
  return ::system(command.c_str());  // NOLINT: test-only, quoted arguments
}

}  // namespace

TEST_CASE("dpkg versions: dpkg's ordering", "[unit][version]") {
  for (const Pair& p : kPairs) {
    INFO(p.a << " vs " << p.b);
    CHECK(sign(compare_dpkg(p.a, p.b)) == p.expected);
    CHECK(sign(compare_dpkg(p.b, p.a)) == -p.expected);
  }
}

TEST_CASE("dpkg versions: a total order on any text", "[unit][version]") {
  const std::vector<std::string> odd = {"",   ":",   "1:",       ":1",    "x:1.0", "1.0-",   "-",
                                        "--", "~~~", "\x01\xff", "1:2:3", "00",    "1.0~a~b"};
  for (const std::string& a : odd) {
    CHECK(compare_dpkg(a, a) == 0);
    for (const std::string& b : odd)
      CHECK(sign(compare_dpkg(a, b)) == -sign(compare_dpkg(b, a)));
  }
}

TEST_CASE("dpkg versions: the same order as dpkg --compare-versions on this host",
          "[integration][version]") {
  REQUIRE(run_status("command -v dpkg >/dev/null 2>&1") == 0);
  for (const Pair& p : kPairs) {
    const std::string a = p.a;
    const std::string b = p.b;
    // dpkg refuses an empty version: those pairs are checked in [unit] only.
    if (a.empty() || b.empty()) continue;
    const auto holds = [&](const char* op) {
      return run_status("dpkg --compare-versions " + shell_quote(a) + " " + op + " " +
                        shell_quote(b) + " 2>/dev/null") == 0;
    };
    const int dpkg = holds("lt") ? -1 : (holds("eq") ? 0 : 1);
    INFO(a << " vs " << b);
    CHECK(sign(compare_dpkg(a, b)) == dpkg);
  }
}
