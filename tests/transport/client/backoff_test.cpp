// Backoff: bounds, growth, cap, the full-jitter distribution (seeded), Retry-After as a
// floor, reset, and the policy's validation.
#include "transport/backoff.hpp"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <vector>

using namespace zt::transport;
using std::chrono::milliseconds;
using std::chrono::seconds;

TEST_CASE("backoff: the ceiling doubles from initial up to the cap", "[unit]") {
  Backoff backoff(BackoffPolicy{}, 1);
  std::vector<long long> ceilings;
  for (int i = 0; i < 12; ++i) {
    ceilings.push_back(backoff.ceiling().count());
    (void)backoff.next();
  }
  CHECK(ceilings == std::vector<long long>{1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000,
                                           256000, 300000, 300000, 300000});
  CHECK(backoff.failures() == 12);
  for (int i = 0; i < 1000; ++i) (void)backoff.next();  // a long outage does not overflow
  CHECK(backoff.ceiling() == milliseconds(300000));
}

TEST_CASE("backoff: every wait lies in [0, ceiling]", "[unit]") {
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    Backoff backoff(BackoffPolicy{}, seed);
    for (int i = 0; i < 15; ++i) {
      const milliseconds bound = backoff.ceiling();
      const milliseconds wait = backoff.next();
      REQUIRE(wait >= milliseconds(0));
      REQUIRE(wait <= bound);
      REQUIRE(wait <= milliseconds(300000));
    }
  }
}

TEST_CASE("backoff: full jitter spreads the waits uniformly over [0, ceiling]", "[unit]") {
  Backoff backoff(BackoffPolicy{}, 42);
  constexpr int kSamples = 20000;
  constexpr long long kBound = 8000;  // the fourth attempt in a row
  std::array<int, 10> deciles{};
  double sum = 0;
  long long lowest = kBound, highest = 0;
  for (int i = 0; i < kSamples; ++i) {
    backoff.reset();
    for (int j = 0; j < 3; ++j) (void)backoff.next();
    REQUIRE(backoff.ceiling().count() == kBound);
    const long long wait = backoff.next().count();
    sum += static_cast<double>(wait);
    lowest = std::min(lowest, wait);
    highest = std::max(highest, wait);
    ++deciles[static_cast<std::size_t>(std::min<long long>(wait * 10 / kBound, 9))];
  }
  CHECK(sum / kSamples == Approx(kBound / 2.0).epsilon(0.03));
  CHECK(lowest < kBound / 100);  // not "equal jitter": waits near zero happen
  CHECK(highest > kBound * 99 / 100);
  for (const int count : deciles) {
    INFO("decile count " << count);
    CHECK(count == Approx(kSamples / 10).epsilon(0.1));
  }
}

TEST_CASE("backoff: the same seed gives the same waits", "[unit]") {
  Backoff a(BackoffPolicy{}, 7), b(BackoffPolicy{}, 7), c(BackoffPolicy{}, 8);
  std::vector<long long> wa, wb, wc;
  for (int i = 0; i < 10; ++i) {
    wa.push_back(a.next().count());
    wb.push_back(b.next().count());
    wc.push_back(c.next().count());
  }
  CHECK(wa == wb);
  CHECK(wa != wc);
}

TEST_CASE("backoff: Retry-After is a floor, capped by max_retry_after", "[unit]") {
  Backoff backoff(BackoffPolicy{}, 3);
  for (int i = 0; i < 20; ++i) CHECK(backoff.next(seconds(7)) >= milliseconds(7000));
  // Once the ceiling is above the hint, the jittered wait may be the larger one.
  backoff.reset();
  CHECK(backoff.next(seconds(120)) == milliseconds(120000));             // ceiling 1 s < 120 s
  CHECK(backoff.next(seconds(10 * 3600)) == milliseconds(3600 * 1000));  // the 1 h cap
  BackoffPolicy none;
  none.max_retry_after = milliseconds(0);
  Backoff ignoring(none, 3);
  CHECK(ignoring.next(seconds(100)) <= milliseconds(1000));
}

TEST_CASE("backoff: reset() after a success starts again from initial", "[unit]") {
  BackoffPolicy policy;
  policy.initial = milliseconds(250);
  policy.cap = milliseconds(2000);
  Backoff backoff(policy, 9);
  for (int i = 0; i < 10; ++i) (void)backoff.next();
  CHECK(backoff.ceiling() == milliseconds(2000));
  backoff.reset();
  CHECK(backoff.failures() == 0);
  CHECK(backoff.ceiling() == milliseconds(250));
  CHECK(backoff.next() <= milliseconds(250));
}

TEST_CASE("backoff: a policy is validated", "[unit]") {
  CHECK(validate(BackoffPolicy{}).ok());
  BackoffPolicy zero;
  zero.initial = milliseconds(0);
  CHECK_THAT(validate(zero).error().message, Catch::Contains("initial"));
  BackoffPolicy inverted;
  inverted.cap = milliseconds(10);
  CHECK_THAT(validate(inverted).error().message, Catch::Contains("cap"));
}
