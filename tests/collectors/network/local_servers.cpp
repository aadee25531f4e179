#include "tests/collectors/network/local_servers.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cctype>
#include <map>
#include <stdexcept>

#include "tests/support/loopback.hpp"

namespace zt::test {
namespace {

void send_all(int fd, std::string_view bytes) {
  (void)!::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

// What an HTTP server such as nginx answers: a 400 as soon as the first byte cannot start a
// request line (a TLS ClientHello), a 200 once the request's header ends.
enum class HttpStep { wait, answered };
HttpStep http_answer(int fd, const std::string& received) {
  if (!received.empty() && !std::isupper(static_cast<unsigned char>(received.front()))) {
    send_all(fd, "HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    return HttpStep::answered;
  }
  if (received.find("\r\n\r\n") == std::string::npos &&
      received.find("\n\n") == std::string::npos)
    return HttpStep::wait;
  send_all(fd, "HTTP/1.0 200 OK\r\nServer: " + std::string(kHttpServer) +
                   "\r\nContent-Type: text/html\r\nContent-Length: 0\r\n\r\n");
  return HttpStep::answered;
}

}  // namespace

LocalServers::LocalServers(const std::vector<ServerKind>& kinds) : kinds_(kinds) {
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    listeners_.push_back(fd);
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    ::inet_pton(AF_INET, "127.0.0.1", &sin.sin_addr);
    socklen_t length = sizeof sin;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&sin), length) != 0 || ::listen(fd, 64) != 0)
      throw std::runtime_error("bind or listen on 127.0.0.1 failed");
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&sin), &length);
    ports_.push_back(ntohs(sin.sin_port));
  }
  thread_ = std::jthread([this](std::stop_token stop) { serve(stop); });
}

LocalServers::~LocalServers() {
  thread_.request_stop();
  thread_.join();
  for (int fd : listeners_) ::close(fd);
}

void LocalServers::serve(const std::stop_token& stop) {
  struct Client {
    ServerKind kind;
    std::string received;
  };
  std::map<int, Client> clients;
  while (!stop.stop_requested()) {
    std::vector<pollfd> fds;
    for (int fd : listeners_) fds.push_back({fd, POLLIN, 0});
    for (const auto& [fd, client] : clients) fds.push_back({fd, POLLIN, 0});
    // The timeout only bounds how late a stop request is seen.
    if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].revents == 0) continue;
      if (i < listeners_.size()) {
        const int client = ::accept4(fds[i].fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (client < 0) continue;
        ++accepted_;
        if (kinds_[i] == ServerKind::greeter) {
          send_all(client, kGreeting);
          ::close(client);
        } else {
          clients.emplace(client, Client{kinds_[i], {}});
        }
        continue;
      }
      Client& client = clients.at(fds[i].fd);
      char buffer[1024];
      const ssize_t n = ::recv(fds[i].fd, buffer, sizeof buffer, 0);
      bool done = n <= 0;  // closed by the peer, or reset
      if (n > 0 && client.kind == ServerKind::http) {
        client.received.append(buffer, static_cast<std::size_t>(n));
        done = http_answer(fds[i].fd, client.received) == HttpStep::answered;
      }
      if (done) {
        ::close(fds[i].fd);
        clients.erase(fds[i].fd);
      }
    }
  }
  for (const auto& [fd, client] : clients) ::close(fd);
}

void make_certificate(const TempTree& tree, const std::string& name, long from_days,
                      long to_days) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), &X509_free);
  if (!key || !cert) throw std::runtime_error("cannot make a key or a certificate");
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_time_adj_ex(X509_getm_notBefore(cert.get()), static_cast<int>(from_days), 0, nullptr);
  X509_time_adj_ex(X509_getm_notAfter(cert.get()), static_cast<int>(to_days), 0, nullptr);
  X509_NAME* subject = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(name.c_str()), -1, -1, 0);
  X509_set_issuer_name(cert.get(), subject);
  X509_set_pubkey(cert.get(), key.get());
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
    throw std::runtime_error("cannot sign the certificate " + name);

  const auto write = [&](const std::string& file, auto&& pem) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (!bio || pem(bio.get()) != 1) throw std::runtime_error("cannot write PEM " + file);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    tree.write(file, std::string_view(data, static_cast<std::size_t>(n)));
  };
  write(name + ".key", [&](BIO* b) {
    return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  write(name + ".crt", [&](BIO* b) { return PEM_write_bio_X509(b, cert.get()); });
}

// -quiet: it prints nothing and, unlike without it, does not stop when stdin (/dev/null)
// ends; anything it prints goes to stderr.
std::unique_ptr<Child> start_tls_server(const TempTree& tree, const std::string& cert,
                                        const std::string& address, int port,
                                        const std::string& extra) {
  const std::string dir = tree.root().string();
  const std::string command = "exec /usr/bin/openssl s_server -quiet -accept " + address + ":" +
                              std::to_string(port) + " -cert " + dir + "/" + cert + ".crt -key " +
                              dir + "/" + cert + ".key " + extra + " 1>&2";
  auto child = std::make_unique<Child>(std::vector<std::string>{"/bin/sh", "-c", command});
  if (!wait_for_loopback_port(static_cast<unsigned short>(port), std::chrono::seconds(10)))
    throw std::runtime_error("openssl s_server on port " + std::to_string(port) +
                             " did not come up: " + child->stderr_text());
  return child;
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

}  // namespace zt::test
