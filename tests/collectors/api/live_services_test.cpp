// The collector on this machine (host root "/") against real services from Debian's packages
// started by the test: etcd open over http on every interface, etcd over https with client
// certificates on every interface, etcd open over http on loopback only; Prometheus node
// exporters on every interface, on loopback, and on every interface with TLS
// (--web.config.file). etcdctl is the oracle of who gets in. Only the test's ports are
// looked at.
#include <catch2/catch.hpp>
#include <set>

#include "collectors/api/api_collector.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/loopback.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/support/tls_files.hpp"

using namespace std::chrono_literals;
using zt::collector::CollectResult;
using Set = std::set<std::string>;

namespace {

// A throwaway server started by `command(port)` on a free port, with its files in `dir`.
class Service {
 public:
  explicit Service(const std::function<std::vector<std::string>(unsigned short)>& command) {
    port_ = zt::test::start_on_free_port([&](unsigned short port) {
      child_ = std::make_unique<zt::test::Child>(command(port));
      return zt::test::wait_for_child_port(*child_, port, 60s);
    });
  }
  unsigned short port() const { return port_; }

 private:
  std::unique_ptr<zt::test::Child> child_;
  unsigned short port_ = 0;
};

// etcd with its client URL `scheme://host:port` and `extra` flags; peers on loopback.
Service etcd(const zt::test::TempTree& dir, const std::string& name, const std::string& scheme,
             const std::string& host, const std::vector<std::string>& extra = {}) {
  return Service([&](unsigned short port) {
    const std::string client = scheme + "://" + host + ":" + std::to_string(port);
    std::vector<std::string> argv = {
        "/usr/bin/etcd",
        "--name=" + name,
        "--data-dir=" + (dir.root() / name).string(),
        "--listen-client-urls=" + client,
        "--advertise-client-urls=" + scheme + "://127.0.0.1:" + std::to_string(port),
        "--listen-peer-urls=http://127.0.0.1:" + std::to_string(zt::test::free_loopback_port()),
        "--initial-cluster-state=new"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
  });
}

Service node_exporter(const std::string& address, const std::vector<std::string>& extra = {}) {
  return Service([&](unsigned short port) {
    std::vector<std::string> argv = {"/usr/bin/prometheus-node-exporter",
                                     "--web.listen-address=" + address + ":" +
                                         std::to_string(port),
                                     "--collector.disable-defaults", "--collector.uname"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
  });
}

// "finding_type|severity|method|endpoint" of the findings whose endpoint names `port`, the
// endpoint's host left out (Go programs bound to 0.0.0.0 listen on "::").
Set findings_on(const CollectResult& result, unsigned short port) {
  Set out;
  const std::string mark = ":" + std::to_string(port);
  for (const auto& f : result.findings) {
    const std::string endpoint = f.fields.at("endpoint");
    const std::size_t at = endpoint.rfind(mark);
    const std::size_t after = at + mark.size();
    if (at == std::string::npos || (after < endpoint.size() && endpoint[after] != '/')) continue;
    out.insert(f.fields.at("finding_type").get<std::string>() + "|" +
               std::string(zt::model::to_string(f.severity)) + "|" +
               f.fields.at("method").get<std::string>() + "|" + endpoint.substr(0, 7) + "…" +
               endpoint.substr(at));
  }
  return out;
}

int etcdctl_put(unsigned short port, const std::string& scheme,
                const std::vector<std::string>& extra = {}) {
  std::vector<std::string> argv = {"/usr/bin/etcdctl", "--endpoints",
                                   scheme + "://127.0.0.1:" + std::to_string(port),
                                   "--dial-timeout=3s", "--command-timeout=5s"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.insert(argv.end(), {"put", "zerotrace-test", "written"});
  return zt::test::run_process(argv, {"ETCDCTL_API=3"}).exit_code;
}

}  // namespace

TEST_CASE("live api: etcd without client certificates and its anonymous reads, node exporters "
          "beyond loopback without a web configuration, and the hardened ones give nothing",
          "[integration]") {
  zt::test::TempTree dir;
  zt::test::TlsFiles tls;
  const Service open = etcd(dir, "open", "http", "0.0.0.0");
  const Service local = etcd(dir, "local", "http", "127.0.0.1");
  const Service hardened =
      etcd(dir, "hardened", "https", "0.0.0.0",
           {"--cert-file=" + tls.certificate().string(), "--key-file=" + tls.key().string(),
            "--client-cert-auth", "--trusted-ca-file=" + tls.certificate().string()});
  dir.write("web.yml", "tls_server_config:\n  cert_file: " + tls.certificate().string() +
                           "\n  key_file: " + tls.key().string() + "\n");
  const Service exposed = node_exporter("0.0.0.0");
  const Service loopback = node_exporter("127.0.0.1");
  const Service with_tls =
      node_exporter("0.0.0.0", {"--web.config.file=" + (dir.root() / "web.yml").string()});

  // The oracle: etcdctl gets into both open ones, and not into the hardened one without a
  // client certificate.
  CHECK(etcdctl_put(open.port(), "http") == 0);
  CHECK(etcdctl_put(local.port(), "http") == 0);
  CHECK(etcdctl_put(hardened.port(), "https", {"--cacert=" + tls.certificate().string()}) != 0);

  auto collector = zt::api::descriptor().make(zt::test::options_of(zt::api::descriptor()));
  const CollectResult result = zt::test::collect_at(*collector, "/", std::stop_token{}, 60s);
  const std::string p = std::to_string(open.port());
  CHECK(findings_on(result, open.port()) ==
        Set{"etcd_client_without_cert_auth|critical|ANY|http://…:" + p,
            "etcd_open_access|critical|POST|http://…:" + p + "/v3/kv/range"});
  CHECK(findings_on(result, local.port()) ==
        Set{"etcd_open_access|medium|POST|http://…:" + std::to_string(local.port()) +
            "/v3/kv/range"});
  CHECK(findings_on(result, hardened.port()).empty());
  CHECK(findings_on(result, exposed.port()) ==
        Set{"metrics_endpoint_exposed|medium|GET|http://…:" + std::to_string(exposed.port()) +
            "/metrics"});
  CHECK(findings_on(result, loopback.port()).empty());
  CHECK(findings_on(result, with_tls.port()).empty());
}
