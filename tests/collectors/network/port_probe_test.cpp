// One port's conversation (port_probe.hpp) against recorded results: which steps run, in
// which order, for the service expected on the port, and what the listener learns.
#include "collectors/network/port_probe.hpp"

#include <catch2/catch.hpp>

#include "tests/collectors/network/fake_prober.hpp"
#include "tests/collectors/network/run_now.hpp"

using namespace std::chrono_literals;
using zt::network::Ask;
using zt::network::BannerInfo;
using zt::network::BannerResult;
using zt::network::Listener;
using zt::network::PortProbeSettings;
using zt::network::TlsCap;
using zt::network::TlsResult;
using Calls = std::vector<std::string>;

namespace {

Listener listener_on(std::uint16_t port, const std::string& process = "") {
  Listener l;
  l.address = "127.0.0.1";
  l.port = port;
  if (!process.empty()) l.process = zt::collector::ProcessInfo{4242, process, "root", {}};
  return l;
}

// Probes `listener` through loopback with the fake prober; returns the calls made.
Calls probe(Listener& listener, const std::shared_ptr<zt::test::Recorded>& recorded,
            PortProbeSettings settings = {}) {
  zt::test::FakeProber prober(recorded);
  zt::test::run_now(zt::network::probe_port(
      prober, listener, {zt::network::Family::ipv4, "127.0.0.1", listener.port}, settings,
      std::chrono::steady_clock::now() + 10s));
  return recorded->calls;
}

TlsResult good_tls(char postgres_answer = 0) {
  TlsResult r;
  r.handshake_ok = true;
  r.protocol = "TLSv1.3";
  r.cipher = "TLS_AES_256_GCM_SHA384";
  r.postgres_answer = postgres_answer;
  return r;
}

}  // namespace

TEST_CASE("port probe: an unknown port that answers HTTP", "[unit][network][port_probe]") {
  auto recorded = std::make_shared<zt::test::Recorded>();
  recorded->answers[{"127.0.0.1", 40000, Ask::http_head}] = {
      true, "HTTP/1.0 200 OK\r\nServer: ZeroTraceTest/1.0\r\n\r\n", ""};
  Listener l = listener_on(40000);
  CHECK(probe(l, recorded) == Calls{"banner 127.0.0.1:40000", "tls 127.0.0.1:40000 cap=0 weak=0",
                                    "banner 127.0.0.1:40000 ask=http_head"});
  CHECK(l.banner == BannerInfo{"http", "ZeroTraceTest/1.0"});
  CHECK(l.banner_bytes == "HTTP/1.0 200 OK\r\nServer: ZeroTraceTest/1.0\r\n\r\n");
  CHECK_FALSE(l.tls);
}

TEST_CASE("port probe: a silent unknown port", "[unit][network][port_probe]") {
  auto recorded = std::make_shared<zt::test::Recorded>();
  TlsResult timed_out;
  timed_out.error = "handshake timed out";
  timed_out.timed_out = true;
  recorded->tls[{"127.0.0.1", 40001, TlsCap::none, false}] = timed_out;
  Listener l = listener_on(40001);
  // The handshake waited out the port's time: no HEAD after it.
  CHECK(probe(l, recorded) ==
        Calls{"banner 127.0.0.1:40001", "tls 127.0.0.1:40001 cap=0 weak=0"});
  CHECK_FALSE(l.banner);
  CHECK_FALSE(l.banner_bytes);
  CHECK_FALSE(l.tls);
}

TEST_CASE("port probe: an unknown port with banners off", "[unit][network][port_probe]") {
  auto recorded = std::make_shared<zt::test::Recorded>();
  Listener l = listener_on(40002);
  CHECK(probe(l, recorded, {false, true}) == Calls{"tls 127.0.0.1:40002 cap=0 weak=0"});
  CHECK_FALSE(l.banner);
}

TEST_CASE("port probe: a refused port is left at once", "[unit][network][port_probe]") {
  auto recorded = std::make_shared<zt::test::Recorded>();
  recorded->banners[{"127.0.0.1", 40003}] = {false, "", "connect: Connection refused"};
  Listener l = listener_on(40003);
  CHECK(probe(l, recorded) == Calls{"banner 127.0.0.1:40003"});
}

TEST_CASE("port probe: an HTTP answer keeps the expected service", "[unit][network][port_probe]") {
  auto recorded = std::make_shared<zt::test::Recorded>();
  recorded->answers[{"127.0.0.1", 9200, Ask::http_head}] = {
      true, "HTTP/1.1 200 OK\r\nServer: Jetty\r\n\r\n", ""};
  Listener l = listener_on(9200);  // elasticsearch by its port
  CHECK(probe(l, recorded) == Calls{"banner 127.0.0.1:9200", "tls 127.0.0.1:9200 cap=0 weak=0",
                                    "banner 127.0.0.1:9200 ask=http_head"});
  CHECK(l.banner == BannerInfo{"elasticsearch", "Jetty"});
}

TEST_CASE("port probe: Redis by its process answers PING", "[unit][network][port_probe]") {
  auto recorded = std::make_shared<zt::test::Recorded>();
  recorded->answers[{"127.0.0.1", 7000, Ask::redis_ping}] = {true, "+PONG\r\n", ""};
  Listener l = listener_on(7000, "redis-server");
  CHECK(probe(l, recorded) == Calls{"banner 127.0.0.1:7000 ask=redis_ping"});
  CHECK(l.banner == BannerInfo{"redis", ""});
  CHECK(l.banner_bytes == "+PONG\r\n");
}

TEST_CASE("port probe: PostgreSQL through its SSLRequest", "[unit][network][port_probe]") {
  auto recorded = std::make_shared<zt::test::Recorded>();
  SECTION("N: PostgreSQL without TLS") {
    TlsResult refused;
    refused.error = "SSLRequest: the server does not offer TLS (N)";
    refused.postgres_answer = 'N';
    recorded->tls[{"127.0.0.1", 5432, TlsCap::none, false}] = refused;
    Listener l = listener_on(5432);
    CHECK(probe(l, recorded) == Calls{"tls 127.0.0.1:5432 cap=0 weak=0 pg=1"});
    CHECK(l.banner == BannerInfo{"postgresql", ""});
    CHECK_FALSE(l.tls);
  }
  SECTION("S: TLS on the same connection, every handshake through an SSLRequest") {
    recorded->tls[{"127.0.0.1", 5432, TlsCap::none, false}] = good_tls('S');
    Listener l = listener_on(5432);
    CHECK(probe(l, recorded) == Calls{"tls 127.0.0.1:5432 cap=0 weak=0 pg=1",
                                      "tls 127.0.0.1:5432 cap=1 weak=0 pg=1",
                                      "tls 127.0.0.1:5432 cap=2 weak=0 pg=1",
                                      "tls 127.0.0.1:5432 cap=0 weak=1 pg=1"});
    CHECK(l.banner == BannerInfo{"postgresql", ""});
    REQUIRE(l.tls);
    CHECK(l.tls->main.protocol == "TLSv1.3");
    CHECK(l.tls->weak_check_done);
  }
  SECTION("TLS probing off: not contacted") {
    Listener l = listener_on(5432);
    CHECK(probe(l, recorded, {true, false}).empty());
  }
}

TEST_CASE("port probe: a TLS port shakes hands at once", "[unit][network][port_probe]") {
  auto recorded = std::make_shared<zt::test::Recorded>();
  recorded->tls[{"127.0.0.1", 993, TlsCap::none, false}] = good_tls();
  Listener l = listener_on(993);
  CHECK(probe(l, recorded) ==
        Calls{"tls 127.0.0.1:993 cap=0 weak=0", "tls 127.0.0.1:993 cap=1 weak=0",
              "tls 127.0.0.1:993 cap=2 weak=0", "tls 127.0.0.1:993 cap=0 weak=1"});
  REQUIRE(l.tls);
  CHECK(l.tls->legacy.empty());
  CHECK_FALSE(l.banner);
}
