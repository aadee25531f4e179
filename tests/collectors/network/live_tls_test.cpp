// The TLS probe and the banner probe on this machine: `openssl s_server` processes the test
// starts on free loopback ports with certificates it makes (with the OpenSSL API: an expired
// one, one expiring in 10 days, valid ones), and an in-process server that greets like SSH.
// Only the test's own ports are probed (probe_ports_allow); the servers are killed by pid
// when the test ends (zt::test::Child).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <catch2/catch.hpp>
#include <memory>
#include <set>
#include <thread>

#include "collectors/network/local_prober.hpp"
#include "collectors/network/network_collector.hpp"
#include "schema-client/model/validation.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using zt::test::Child;
using zt::test::TempTree;

namespace {

// A self-signed P-256 certificate valid from now+from_days to now+to_days, as PEM files
// <name>.key and <name>.crt in `tree`.
void make_certificate(const TempTree& tree, const std::string& name, long from_days,
                      long to_days) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
  REQUIRE(key);
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), &X509_free);
  REQUIRE(cert);
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_time_adj_ex(X509_getm_notBefore(cert.get()), static_cast<int>(from_days), 0, nullptr);
  X509_time_adj_ex(X509_getm_notAfter(cert.get()), static_cast<int>(to_days), 0, nullptr);
  X509_NAME* subject = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(name.c_str()), -1, -1, 0);
  X509_set_issuer_name(cert.get(), subject);
  X509_set_pubkey(cert.get(), key.get());
  REQUIRE(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0);

  const auto write = [&](const std::string& file, auto&& pem) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    REQUIRE(pem(bio.get()) == 1);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    tree.write(file, std::string_view(data, static_cast<std::size_t>(n)));
  };
  write(name + ".key", [&](BIO* b) {
    return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  write(name + ".crt", [&](BIO* b) { return PEM_write_bio_X509(b, cert.get()); });
}

int free_port(const char* address) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in sin{};
  sin.sin_family = AF_INET;
  ::inet_pton(AF_INET, address, &sin.sin_addr);
  socklen_t length = sizeof sin;
  ::bind(fd, reinterpret_cast<sockaddr*>(&sin), length);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&sin), &length);
  ::close(fd);
  return ntohs(sin.sin_port);
}

// Waits until something accepts connections on 127.0.0.1:port (polling connect).
bool wait_accepting(int port, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    sin.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &sin.sin_addr);
    const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&sin), sizeof sin) == 0;
    ::close(fd);
    if (connected) return true;
    ::poll(nullptr, 0, 10);  // the server is still starting
  }
  return false;
}

// `openssl s_server` on address:port. -quiet: it prints nothing and, unlike without it, does
// not stop when stdin (/dev/null) ends; anything it prints goes to stderr.
std::unique_ptr<Child> start_server(const TempTree& tree, const std::string& cert,
                                    const std::string& address, int port,
                                    const std::string& extra) {
  const std::string dir = tree.root().string();
  const std::string command = "exec /usr/bin/openssl s_server -quiet -accept " + address + ":" +
                              std::to_string(port) + " -cert " + dir + "/" + cert + ".crt -key " +
                              dir + "/" + cert + ".key " + extra + " 1>&2";
  auto child = std::make_unique<Child>(std::vector<std::string>{"/bin/sh", "-c", command});
  REQUIRE(wait_accepting(port, 5s));
  return child;
}

// An in-process server that greets like an SSH server, once per connection.
class Greeter {
 public:
  Greeter() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    ::inet_pton(AF_INET, "127.0.0.1", &sin.sin_addr);
    socklen_t length = sizeof sin;
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&sin), length) == 0);
    REQUIRE(::listen(fd_, 8) == 0);
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&sin), &length);
    port_ = ntohs(sin.sin_port);
    thread_ = std::jthread([this](std::stop_token stop) {
      while (!stop.stop_requested()) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        const int client = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        constexpr std::string_view kGreeting = "SSH-2.0-ZeroTraceTest_1.0\r\n";
        (void)!::send(client, kGreeting.data(), kGreeting.size(), MSG_NOSIGNAL);
        ::close(client);
      }
    });
  }
  ~Greeter() {
    thread_.request_stop();
    thread_.join();
    ::close(fd_);
  }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
  std::jthread thread_;
};

const json* find(const zt::collector::CollectResult& result, std::string_view type, int port) {
  for (const auto& f : result.findings)
    if (f.metadata.at("finding_type") == type && f.fields.at("port") == port) return &f.fields;
  return nullptr;
}

}  // namespace

TEST_CASE("system prober: banner and TLS against local servers", "[integration][network]") {
  TempTree tree;
  make_certificate(tree, "expired", -60, -1);
  make_certificate(tree, "expiring", -355, 10);
  make_certificate(tree, "valid", -1, 365);

  const int expired_port = free_port("0.0.0.0");
  const int expiring_port = free_port("127.0.0.1");
  const int modern_port = free_port("127.0.0.1");
  const int legacy_port = free_port("127.0.0.1");
  // Expired and self-signed, on every interface (probed through 127.0.0.1).
  auto expired = start_server(tree, "expired", "0.0.0.0", expired_port, "");
  // TLS 1.2 only, certificate expiring in 10 days.
  auto expiring = start_server(tree, "expiring", "127.0.0.1", expiring_port, "-tls1_2");
  auto modern = start_server(tree, "valid", "127.0.0.1", modern_port, "");
  // TLS 1.0 only, NULL ciphers accepted (Debian's OpenSSL needs security level 0 for both).
  auto legacy = start_server(tree, "valid", "127.0.0.1", legacy_port,
                             "-tls1 -cipher ALL:eNULL:@SECLEVEL=0");
  const Greeter greeter;

  // The prober alone first.
  auto prober = zt::network::make_system_prober();
  const zt::network::Endpoint modern_target{zt::network::Family::ipv4, "127.0.0.1",
                                            static_cast<std::uint16_t>(modern_port)};
  const auto main = prober->tls(modern_target, {}, 2s);
  INFO(main.error);
  REQUIRE(main.handshake_ok);
  CHECK(main.protocol == "TLSv1.3");
  REQUIRE(main.certificate);
  CHECK(main.certificate->subject == "CN=valid");
  CHECK(main.certificate->self_signed);
  CHECK_FALSE(prober->tls(modern_target, {zt::network::TlsCap::tls1_1, false}, 2s).handshake_ok);
  const auto banner = prober->banner(
      {zt::network::Family::ipv4, "127.0.0.1", static_cast<std::uint16_t>(greeter.port())}, 2s);
  CHECK(banner.connected);
  CHECK(banner.bytes == "SSH-2.0-ZeroTraceTest_1.0\r\n");
  // Not TLS: the greeter speaks SSH; a closed port refuses.
  CHECK_FALSE(prober->tls({zt::network::Family::ipv4, "127.0.0.1",
                           static_cast<std::uint16_t>(greeter.port())}, {}, 2s).handshake_ok);
  const auto refused = prober->banner(
      {zt::network::Family::ipv4, "127.0.0.1", static_cast<std::uint16_t>(free_port("127.0.0.1"))},
      1s);
  CHECK_FALSE(refused.connected);
  CHECK(refused.error == "connect: Connection refused");

  // The collector, probing the test's ports only.
  json values = zt::collector::OptionValues::defaults(zt::network::descriptor().options).as_json();
  values["probe_timeout_ms"] = 2000;
  values["probe_ports_allow"] = json::array();
  for (int port : {expired_port, expiring_port, modern_port, legacy_port, greeter.port()})
    values["probe_ports_allow"].push_back(std::to_string(port));
  const zt::collector::HostFs fs("/");
  auto collector = zt::network::descriptor().make(zt::collector::OptionValues(values));
  CHECK(collector->capabilities(fs).reason ==
        "/proc/net/tcp readable; live probing (banners, TLS) of local TCP ports possible");
  zt::collector::Context context(fs, std::chrono::steady_clock::now() + 30s, std::stop_token{});
  const auto started = std::chrono::steady_clock::now();
  const auto result = collector->collect(context);
  CHECK(std::chrono::steady_clock::now() - started < 10s);
  CHECK(result.problems == std::vector<std::string>{});
  for (const auto& f : result.findings)
    CHECK(zt::model::finding_problems(f, "$") == std::vector<std::string>{});

  std::set<std::pair<std::string, int>> problems;  // (finding_type, port) of the test's ports
  for (const auto& f : result.findings) {
    const int port = f.fields.at("port");
    const std::string type = f.metadata.at("finding_type");
    if (type != "listening_service" &&
        (port == expired_port || port == expiring_port || port == modern_port ||
         port == legacy_port || port == greeter.port()))
      problems.emplace(type, port);
  }
  CHECK(problems == std::set<std::pair<std::string, int>>{
                        {"tls_cert_expired", expired_port},
                        {"tls_self_signed_public", expired_port},
                        {"tls_cert_expiring", expiring_port},
                        {"tls_legacy_protocol", legacy_port},
                        {"tls_weak_cipher", legacy_port}});

  const json* info = find(result, "listening_service", modern_port);
  REQUIRE(info);
  CHECK(info->at("ssl_enabled") == true);
  CHECK(info->at("ssl_version") == "TLSv1.3");
  CHECK(info->at("ssl_cipher") == "TLS_AES_256_GCM_SHA384");
  const json* tls12 = find(result, "tls_cert_expiring", expiring_port);
  REQUIRE(tls12);
  CHECK(tls12->at("ssl_version") == "TLSv1.2");
  const json* weak = find(result, "tls_weak_cipher", legacy_port);
  REQUIRE(weak);
  CHECK(weak->at("ssl_version") == "TLSv1");
  const json* ssh = find(result, "listening_service", greeter.port());
  REQUIRE(ssh);
  CHECK(ssh->at("service_name") == "ssh");
  CHECK(ssh->at("service_version") == "ZeroTraceTest_1.0");
  CHECK_FALSE(ssh->contains("ssl_enabled"));
  for (const auto& f : result.findings)
    if (f.metadata.at("finding_type") == "tls_weak_cipher")
      CHECK(f.metadata.at("value") == "ECDHE-ECDSA-NULL-SHA");

  // Every other port of the host was left alone.
  for (const json& p : result.inventory.at("probing").at("probes")) {
    const int port = p.at("port");
    const bool ours = port == expired_port || port == expiring_port || port == modern_port ||
                      port == legacy_port || port == greeter.port();
    CHECK(p.at("target").is_null() != ours);
  }
}
