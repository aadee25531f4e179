// The system LocalProber: non-blocking POSIX sockets bounded by poll() deadlines, and OpenSSL
// client handshakes driven over them. Every wait has a deadline, so a peer that never
// answers costs at most the limit given. SIGPIPE (a peer closing while OpenSSL writes) is
// blocked for the probing thread and swallowed: the agent must not die of it.
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "collectors/core/loopback_socket.hpp"
#include "collectors/network/banner.hpp"
#include "collectors/network/local_prober.hpp"

namespace zt::network {
namespace {

using Clock = collector::DeadlineClock;
using collector::connect_to;
using collector::Fd;
using collector::wait_for;

// Offered for the weak-cipher check. What this OpenSSL build lacks (Debian 12 has no RC4,
// DES or 3DES suites) simply drops out of the list.
constexpr const char* kWeakCipherList = "eNULL:aNULL:EXPORT:LOW:RC4:DES:3DES:MD5:@SECLEVEL=0";
// The other handshakes: the library's usual suites, at security level 0 so that old servers
// (small keys, SHA-1, TLS 1.0/1.1) still complete the handshake and can be inspected.
constexpr const char* kDefaultCipherList = "DEFAULT:@SECLEVEL=0";

// Blocks SIGPIPE in this thread for its lifetime and discards one raised meanwhile.
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    blocked_ = ::pthread_sigmask(SIG_BLOCK, &set_, &old_) == 0;
  }
  ~SigpipeGuard() {
    if (!blocked_) return;
    sigset_t pending;
    sigpending(&pending);
    if (!was_pending_ && sigismember(&pending, SIGPIPE) == 1) {
      const timespec zero{0, 0};
      ::sigtimedwait(&set_, nullptr, &zero);
    }
    ::pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t set_{};
  sigset_t old_{};
  bool was_pending_ = false;
  bool blocked_ = false;
};

std::string openssl_error(std::string_view fallback) {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return std::string(fallback);
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  return text;
}

std::string name_text(const X509_NAME* name) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
  if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253) < 0) return {};
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

std::optional<model::Timestamp> asn1_time(const ASN1_TIME* time) {
  std::tm tm{};
  if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1) return std::nullopt;
  const time_t seconds = ::timegm(&tm);
  return model::Timestamp{std::chrono::seconds{seconds}};
}

std::optional<CertificateInfo> certificate_info(X509* cert) {
  if (cert == nullptr) return std::nullopt;
  auto not_before = asn1_time(X509_get0_notBefore(cert));
  auto not_after = asn1_time(X509_get0_notAfter(cert));
  if (!not_before || !not_after) return std::nullopt;
  CertificateInfo info;
  info.subject = name_text(X509_get_subject_name(cert));
  info.issuer = name_text(X509_get_issuer_name(cert));
  info.not_before = *not_before;
  info.not_after = *not_after;
  EVP_PKEY* key = X509_get0_pubkey(cert);
  info.self_signed = X509_NAME_cmp(X509_get_subject_name(cert), X509_get_issuer_name(cert)) == 0 &&
                     key != nullptr && X509_verify(cert, key) == 1;
  ERR_clear_error();
  return info;
}

class SystemProber final : public LocalProber {
 public:
  bool live() const override { return true; }

  BannerResult banner(const Endpoint& target, std::chrono::milliseconds limit) override {
    SigpipeGuard guard;
    const auto deadline = Clock::now() + limit;
    BannerResult result;
    bool timed_out = false;
    Fd fd(connect_to(target, deadline, result.error, timed_out));
    if (fd.get() < 0) return result;
    result.connected = true;
    char buffer[kMaxBannerBytes];
    while (result.bytes.size() < kMaxBannerBytes) {
      const int ready = wait_for(fd.get(), POLLIN, deadline);
      if (ready <= 0) break;  // the peer waits for the client: no banner
      const ssize_t n =
          ::recv(fd.get(), buffer, kMaxBannerBytes - result.bytes.size(), MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (n <= 0) break;  // closed or reset
      result.bytes.append(buffer, static_cast<std::size_t>(n));
      if (result.bytes.find('\n') != std::string::npos || parse_banner(result.bytes)) break;
    }
    return result;
  }

  TlsResult tls(const Endpoint& target, const TlsAttempt& attempt,
                std::chrono::milliseconds limit) override {
    SigpipeGuard guard;
    ERR_clear_error();
    const auto deadline = Clock::now() + limit;
    TlsResult result;
    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> ctx(SSL_CTX_new(TLS_client_method()),
                                                          &SSL_CTX_free);
    if (!ctx) {
      result.error = openssl_error("SSL_CTX_new failed");
      return result;
    }
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);
    // Old servers without secure renegotiation still get inspected.
    SSL_CTX_set_options(ctx.get(), SSL_OP_LEGACY_SERVER_CONNECT | SSL_OP_NO_TICKET);
    SSL_CTX_set_min_proto_version(ctx.get(), TLS1_VERSION);
    int max_version = 0;  // the library's highest
    if (attempt.max_version == TlsCap::tls1_0) max_version = TLS1_VERSION;
    if (attempt.max_version == TlsCap::tls1_1) max_version = TLS1_1_VERSION;
    if (attempt.weak_ciphers_only && (max_version == 0 || max_version > TLS1_2_VERSION))
      max_version = TLS1_2_VERSION;
    SSL_CTX_set_max_proto_version(ctx.get(), max_version);
    const char* ciphers = attempt.weak_ciphers_only ? kWeakCipherList : kDefaultCipherList;
    if (SSL_CTX_set_cipher_list(ctx.get(), ciphers) != 1) {
      result.error = openssl_error("no cipher suite of the list is available");
      return result;
    }

    bool timed_out = false;
    Fd fd(connect_to(target, deadline, result.error, timed_out));
    if (fd.get() < 0) {
      result.timed_out = timed_out;
      return result;
    }
    std::unique_ptr<SSL, decltype(&SSL_free)> ssl(SSL_new(ctx.get()), &SSL_free);
    if (!ssl || SSL_set_fd(ssl.get(), fd.get()) != 1) {
      result.error = openssl_error("SSL_new failed");
      return result;
    }
    for (;;) {
      const int rc = SSL_connect(ssl.get());
      if (rc == 1) break;
      const int reason = SSL_get_error(ssl.get(), rc);
      short events = 0;
      if (reason == SSL_ERROR_WANT_READ) events = POLLIN;
      if (reason == SSL_ERROR_WANT_WRITE) events = POLLOUT;
      if (events == 0) {
        result.error = openssl_error(reason == SSL_ERROR_SYSCALL ? "connection closed"
                                                                 : "handshake failed");
        return result;
      }
      const int ready = wait_for(fd.get(), events, deadline);
      if (ready <= 0) {
        result.error = ready == 0 ? "handshake timed out" : "poll failed";
        result.timed_out = ready == 0;
        ERR_clear_error();
        return result;
      }
    }
    result.handshake_ok = true;
    result.protocol = SSL_get_version(ssl.get());
    if (const SSL_CIPHER* cipher = SSL_get_current_cipher(ssl.get()))
      result.cipher = SSL_CIPHER_get_name(cipher);
    std::unique_ptr<X509, decltype(&X509_free)> cert(SSL_get1_peer_certificate(ssl.get()),
                                                     &X509_free);
    result.certificate = certificate_info(cert.get());
    SSL_shutdown(ssl.get());  // sends close_notify; the answer is not awaited
    ERR_clear_error();
    return result;
  }
};

}  // namespace

std::unique_ptr<LocalProber> make_system_prober() { return std::make_unique<SystemProber>(); }

}  // namespace zt::network
