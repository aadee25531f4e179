// Benchmark of the network collector's live probing (scripts/bench-probes.sh): 30 listeners
// (by default; each kind's count is an option) of mixed kinds on loopback (real redis-server and memcached processes, `openssl s_server`
// TLS servers, in-process HTTP servers, SSH-like greeters and silent ports), then one run of
// the collector that probes exactly those ports, as the one-shot scan does. Prints the wall
// time of the run, the process's peak RSS and what each kind was identified as; figures, not
// assertions. Exits non-zero only when a server could not be started.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "collectors/core/collector.hpp"
#include "collectors/network/network_collector.hpp"
#include "tests/collectors/network/local_servers.hpp"
#include "tests/support/memcached_server.hpp"
#include "tests/support/redis_server.hpp"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// One run of the collector on this host with `values`: its wall time and its result.
std::pair<double, zt::collector::CollectResult> timed_run(const json& values) {
  auto collector = zt::network::descriptor().make(zt::collector::OptionValues(values));
  const zt::collector::HostFs fs("/");
  zt::collector::Context context(fs, Clock::now() + std::chrono::seconds(60), std::stop_token{});
  const auto started = Clock::now();
  auto result = collector->collect(context);
  return {std::chrono::duration<double>(Clock::now() - started).count(), std::move(result)};
}

struct Mix {
  int redis = 3, memcached = 3, tls = 4, http = 8, greeters = 8, silent = 4;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"network collector: one probing run over 30 local listeners"};
  Mix mix;
  long timeout_ms = 0;
  app.add_option("--redis", mix.redis, "redis-server processes (default 3)");
  app.add_option("--memcached", mix.memcached, "memcached processes (default 3)");
  app.add_option("--tls", mix.tls, "openssl s_server processes (default 4)");
  app.add_option("--http", mix.http, "in-process HTTP servers (default 8)");
  app.add_option("--greeters", mix.greeters, "in-process SSH-like greeters (default 8)");
  app.add_option("--silent", mix.silent, "silent ports (default 4)");
  app.add_option("--timeout-ms", timeout_ms, "probe_timeout_ms (default: the option's default)");
  CLI11_PARSE(app, argc, argv);

  try {
    std::map<int, std::string> kind_of;  // port → kind
    std::vector<std::unique_ptr<zt::test::RedisServer>> redis;
    for (int i = 0; i < mix.redis; ++i) {
      redis.push_back(std::make_unique<zt::test::RedisServer>(std::vector<std::string>{}));
      kind_of[redis.back()->port()] = "redis";
    }
    std::vector<std::unique_ptr<zt::test::MemcachedServer>> memcached;
    for (int i = 0; i < mix.memcached; ++i) {
      memcached.push_back(std::make_unique<zt::test::MemcachedServer>(false));
      kind_of[memcached.back()->port()] = "memcached";
    }
    zt::test::TempTree tree;
    zt::test::make_certificate(tree, "bench", -1, 365);
    std::vector<std::unique_ptr<zt::test::Child>> tls;
    for (int i = 0; i < mix.tls; ++i) {
      const int port = zt::test::free_port("127.0.0.1");
      tls.push_back(zt::test::start_tls_server(tree, "bench", "127.0.0.1", port, ""));
      kind_of[port] = "tls";
    }
    std::vector<zt::test::ServerKind> kinds;
    kinds.insert(kinds.end(), static_cast<std::size_t>(mix.http), zt::test::ServerKind::http);
    kinds.insert(kinds.end(), static_cast<std::size_t>(mix.greeters),
                 zt::test::ServerKind::greeter);
    kinds.insert(kinds.end(), static_cast<std::size_t>(mix.silent), zt::test::ServerKind::silent);
    const zt::test::LocalServers local(kinds);
    for (std::size_t i = 0; i < kinds.size(); ++i)
      kind_of[local.ports()[i]] = kinds[i] == zt::test::ServerKind::http      ? "http"
                                  : kinds[i] == zt::test::ServerKind::greeter ? "greeter"
                                                                              : "silent";

    json values =
        zt::collector::OptionValues::defaults(zt::network::descriptor().options).as_json();
    if (timeout_ms > 0) values["probe_timeout_ms"] = timeout_ms;
    values["max_probed_ports"] = 1024;
    values["probe_ports_allow"] = json::array();
    for (const auto& [port, kind] : kind_of)
      values["probe_ports_allow"].push_back(std::to_string(port));
    // One run without probing first: what reading the sockets and processes costs.
    json quiet = values;
    quiet["probe_banners"] = false;
    quiet["probe_tls"] = false;
    const double baseline = timed_run(quiet).first;
    const auto [seconds, result] = timed_run(values);
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);

    // kind → "service[/version][ tls]" → count
    std::map<std::string, std::map<std::string, int>> seen;
    for (const json& l : result.inventory.at("listeners")) {
      const auto kind = kind_of.find(l.at("port").get<int>());
      if (kind == kind_of.end() || l.at("protocol") != "tcp") continue;
      std::string what = l.at("service_name").is_null() ? "unknown"
                                                        : l.at("service_name").get<std::string>();
      if (!l.at("tls").is_null() && l.at("tls").at("handshake_ok") == true) what += "+tls";
      ++seen[kind->second][what];
    }
    std::printf("listeners: %zu (redis %d, memcached %d, tls %d, http %d, greeters %d, "
                "silent %d); probe_timeout_ms %lld\n",
                kind_of.size(), mix.redis, mix.memcached, mix.tls, mix.http, mix.greeters,
                mix.silent, values.at("probe_timeout_ms").get<long long>());
    std::printf("run with probing: %.3f s wall (without probing: %.3f s), peak RSS %.1f MiB, "
                "%zu problem(s)\n",
                seconds, baseline, static_cast<double>(usage.ru_maxrss) / 1024.0,
                result.problems.size());
    for (const std::string& problem : result.problems)
      std::printf("  problem: %s\n", problem.c_str());
    for (const auto& [kind, whats] : seen)
      for (const auto& [what, count] : whats)
        std::printf("  %-9s -> %-16s x%d\n", kind.c_str(), what.c_str(), count);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "probe_bench: %s\n", e.what());
    return 1;
  }
}
