#include <catch2/catch.hpp>

#include <string>

#include "ingest/rate_limiter.hpp"

using zt::ingest::RateLimiter;
using namespace std::chrono_literals;

namespace {

// A clock the test moves by hand.
struct FakeClock {
  std::chrono::steady_clock::time_point now{std::chrono::hours(1000)};
  RateLimiter::Clock function() {
    return [this] { return now; };
  }
};

}  // namespace

TEST_CASE("the rate limiter lets a burst through, then asks to wait", "[unit]") {
  FakeClock clock;
  RateLimiter limiter(1.0, 3.0, clock.function());
  CHECK_FALSE(limiter.acquire("agent-a"));
  CHECK_FALSE(limiter.acquire("agent-a"));
  CHECK_FALSE(limiter.acquire("agent-a"));
  const auto wait = limiter.acquire("agent-a");
  REQUIRE(wait);
  CHECK(*wait == 1s);
}

TEST_CASE("the rate limiter refills with time", "[unit]") {
  FakeClock clock;
  RateLimiter limiter(0.5, 1.0, clock.function());  // one request per two seconds
  CHECK_FALSE(limiter.acquire("a"));
  auto wait = limiter.acquire("a");
  REQUIRE(wait);
  CHECK(*wait == 2s);
  clock.now += 1500ms;
  wait = limiter.acquire("a");
  REQUIRE(wait);
  CHECK(*wait == 1s);  // 0.5 s left, rounded up
  clock.now += 500ms;
  CHECK_FALSE(limiter.acquire("a"));
}

TEST_CASE("the rate limiter never answers less than one second", "[unit]") {
  FakeClock clock;
  RateLimiter limiter(100.0, 1.0, clock.function());
  CHECK_FALSE(limiter.acquire("a"));
  const auto wait = limiter.acquire("a");
  REQUIRE(wait);
  CHECK(*wait == 1s);
}

TEST_CASE("the rate limiter keeps one bucket per key", "[unit]") {
  FakeClock clock;
  RateLimiter limiter(1.0, 1.0, clock.function());
  CHECK_FALSE(limiter.acquire("a"));
  CHECK(limiter.acquire("a"));
  CHECK_FALSE(limiter.acquire("b"));
}

TEST_CASE("the rate limiter never holds more than a burst", "[unit]") {
  FakeClock clock;
  RateLimiter limiter(1.0, 2.0, clock.function());
  CHECK_FALSE(limiter.acquire("a"));
  clock.now += 1h;
  CHECK_FALSE(limiter.acquire("a"));
  CHECK_FALSE(limiter.acquire("a"));
  CHECK(limiter.acquire("a"));
}

TEST_CASE("the rate limiter drops buckets that are full again", "[unit]") {
  FakeClock clock;
  RateLimiter limiter(1.0, 2.0, clock.function());
  for (int i = 0; i < 1000; ++i) CHECK_FALSE(limiter.acquire("agent-" + std::to_string(i)));
  CHECK(limiter.size() == 1000);
  clock.now += 5s;  // all refilled
  CHECK_FALSE(limiter.acquire("fresh"));
  CHECK(limiter.size() == 1);
  // A key that was dropped starts again with a full bucket: nothing is lost by dropping it.
  CHECK_FALSE(limiter.acquire("agent-1"));
  CHECK_FALSE(limiter.acquire("agent-1"));
  CHECK(limiter.acquire("agent-1"));
}

TEST_CASE("the rate limiter keeps buckets that are still refilling", "[unit]") {
  FakeClock clock;
  RateLimiter limiter(1.0, 4.0, clock.function());  // sweeps every 4 s
  CHECK_FALSE(limiter.acquire("quiet"));
  clock.now += 2s;
  for (int i = 0; i < 4; ++i) CHECK_FALSE(limiter.acquire("busy"));
  clock.now += 2s;  // sweep: "quiet" is full again, "busy" has 2 of 4 tokens
  CHECK_FALSE(limiter.acquire("third"));
  CHECK(limiter.size() == 2);
  CHECK_FALSE(limiter.acquire("busy"));
  CHECK_FALSE(limiter.acquire("busy"));
  CHECK(limiter.acquire("busy"));
}

TEST_CASE("check() says whether a token is there without taking it", "[unit]") {
  FakeClock clock;
  RateLimiter limiter(1.0, 2.0, clock.function());
  for (int i = 0; i < 5; ++i) CHECK_FALSE(limiter.check("10.0.0.1"));
  CHECK_FALSE(limiter.acquire("10.0.0.1"));
  CHECK_FALSE(limiter.acquire("10.0.0.1"));
  const auto wait = limiter.check("10.0.0.1");
  REQUIRE(wait);
  CHECK(*wait == 1s);
  clock.now += 1s;
  CHECK_FALSE(limiter.check("10.0.0.1"));
}

TEST_CASE("past max_keys buckets, new keys share one overflow bucket", "[unit]") {
  FakeClock clock;
  RateLimiter limiter(0.01, 1.0, clock.function(), 3);
  CHECK_FALSE(limiter.acquire("a"));
  CHECK_FALSE(limiter.acquire("b"));
  CHECK_FALSE(limiter.acquire("c"));
  // Two new keys past the cap: the first takes the shared bucket's one token, the second waits.
  CHECK_FALSE(limiter.acquire("d"));
  CHECK(limiter.acquire("e"));
  CHECK(limiter.size() == 4);
  // The keys that had a bucket keep theirs.
  CHECK(limiter.acquire("a"));
}
