// The system LocalProber: Beast tcp_streams whose every step is bounded by the port's
// deadline (collectors/core/probe_io.hpp), and OpenSSL client handshakes through Asio's
// OpenSSL stream over them. Asio sends with MSG_NOSIGNAL, so a peer closing while a
// handshake writes costs an error, not a SIGPIPE. One SSL_CTX per kind of attempt, made on
// first use and kept by the prober; OpenSSL's errors are read from the error codes Asio
// returns, never from the thread's error queue, which the concurrent handshakes share.
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/error.hpp>
#include <ctime>
#include <map>
#include <memory>
#include <tuple>

#include "collectors/core/probe_io.hpp"
#include "collectors/network/local_prober.hpp"

namespace zt::network {
namespace {

using boost::asio::awaitable;
using collector::IoStatus;
using collector::ProbeStream;
namespace ssl = boost::asio::ssl;

// Offered for the weak-cipher check. What this OpenSSL build lacks (Debian 12 has no RC4,
// DES or 3DES suites) simply drops out of the list.
constexpr const char* kWeakCipherList = "eNULL:aNULL:EXPORT:LOW:RC4:DES:3DES:MD5:@SECLEVEL=0";
// The other handshakes: the library's usual suites, at security level 0 so that old servers
// (small keys, SHA-1, TLS 1.0/1.1) still complete the handshake and can be inspected.
constexpr const char* kDefaultCipherList = "DEFAULT:@SECLEVEL=0";

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
  ERR_clear_error();  // X509_verify's failure for a certificate not self-signed
  return info;
}

// A client context for `attempt`, or nullptr with `error` set.
std::unique_ptr<ssl::context> make_context(const TlsAttempt& attempt, std::string& error) {
  std::unique_ptr<ssl::context> context;
  try {
    context = std::make_unique<ssl::context>(ssl::context::tls_client);
  } catch (const boost::system::system_error& e) {
    error = std::string("SSL_CTX_new failed: ") + e.what();
    return nullptr;
  }
  SSL_CTX* ctx = context->native_handle();
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  // Old servers without secure renegotiation still get inspected.
  SSL_CTX_set_options(ctx, SSL_OP_LEGACY_SERVER_CONNECT | SSL_OP_NO_TICKET);
  SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
  int max_version = 0;  // the library's highest
  if (attempt.max_version == TlsCap::tls1_0) max_version = TLS1_VERSION;
  if (attempt.max_version == TlsCap::tls1_1) max_version = TLS1_1_VERSION;
  if (attempt.weak_ciphers_only && (max_version == 0 || max_version > TLS1_2_VERSION))
    max_version = TLS1_2_VERSION;
  SSL_CTX_set_max_proto_version(ctx, max_version);
  const char* ciphers = attempt.weak_ciphers_only ? kWeakCipherList : kDefaultCipherList;
  if (SSL_CTX_set_cipher_list(ctx, ciphers) != 1) {
    ERR_clear_error();
    error = std::string("no cipher suite of \"") + ciphers + "\" is available";
    return nullptr;
  }
  return context;
}

// PostgreSQL's SSLRequest on a connected stream: the server's one-byte answer, or 0 with
// `result.error` set.
awaitable<char> postgres_ssl_request(ProbeStream& stream, Deadline deadline, TlsResult& result) {
  IoStatus status = co_await collector::send_bytes(stream, kPostgresSslRequest, deadline);
  std::string answer;
  const std::function<bool(std::string_view)> one_byte = [](std::string_view) { return false; };
  if (status.ok())
    status = co_await collector::receive_until(stream, answer, 1, one_byte, deadline);
  if (!status.ok() || answer.empty()) {
    result.error = status.ok() ? "SSLRequest: connection closed" : "SSLRequest: " + status.error;
    result.timed_out = status.timed_out;
    co_return 0;
  }
  if (answer[0] != 'S' && answer[0] != 'N') {
    result.error = "SSLRequest: not a PostgreSQL answer";
    co_return 0;
  }
  result.postgres_answer = answer[0];
  if (answer[0] == 'N') result.error = "SSLRequest: the server does not offer TLS (N)";
  co_return answer[0];
}

class SystemProber final : public LocalProber {
 public:
  bool live() const override { return true; }

  awaitable<BannerResult> exchange(Endpoint target, Ask ask, Deadline deadline) override {
    BannerResult result;
    ProbeStream stream(co_await boost::asio::this_coro::executor);
    const IoStatus connected = co_await collector::connect_stream(stream, target, deadline);
    if (!connected.ok()) {
      result.error = connected.error;
      co_return result;
    }
    result.connected = true;
    const std::string_view first = ask_bytes(ask);
    if (!first.empty()) {
      const IoStatus sent = co_await collector::send_bytes(stream, first, deadline);
      if (!sent.ok()) co_return result;  // connected, nothing said
    }
    const std::function<bool(std::string_view)> complete = [ask](std::string_view bytes) {
      return reply_complete(ask, bytes);
    };
    // A timeout or a reset only ends the reading: what arrived is the answer.
    co_await collector::receive_until(stream, result.bytes, kMaxBannerBytes, complete, deadline);
    co_return result;
  }

  awaitable<TlsResult> tls(Endpoint target, TlsAttempt attempt, Deadline deadline) override {
    TlsResult result;
    ssl::context* context = context_for(attempt, result.error);
    if (context == nullptr) co_return result;
    ProbeStream stream(co_await boost::asio::this_coro::executor);
    const IoStatus connected = co_await collector::connect_stream(stream, target, deadline);
    if (!connected.ok()) {
      result.error = connected.error;
      result.timed_out = connected.timed_out;
      co_return result;
    }
    if (attempt.postgres_ssl_request) {
      const char answer = co_await postgres_ssl_request(stream, deadline, result);
      if (answer != 'S') co_return result;
    }

    ssl::stream<ProbeStream> tls_stream(std::move(stream), *context);
    tls_stream.next_layer().expires_at(deadline);
    boost::system::error_code error;
    co_await tls_stream.async_handshake(
        ssl::stream_base::client, boost::asio::redirect_error(boost::asio::use_awaitable, error));
    if (error) {
      result.timed_out = error == boost::beast::error::timeout;
      result.error = result.timed_out ? "handshake timed out" : error.message();
      co_return result;
    }
    SSL* handle = tls_stream.native_handle();
    result.handshake_ok = true;
    result.protocol = SSL_get_version(handle);
    if (const SSL_CIPHER* cipher = SSL_get_current_cipher(handle))
      result.cipher = SSL_CIPHER_get_name(cipher);
    std::unique_ptr<X509, decltype(&X509_free)> cert(SSL_get1_peer_certificate(handle),
                                                     &X509_free);
    result.certificate = certificate_info(cert.get());
    // The connection is closed without close_notify: waiting for the peer's would cost time,
    // and servers take an abrupt end of a finished handshake in their stride.
    co_return result;
  }

 private:
  ssl::context* context_for(const TlsAttempt& attempt, std::string& error) {
    // The SSLRequest comes before TLS: it does not change the context.
    const auto key = std::make_tuple(attempt.max_version, attempt.weak_ciphers_only);
    auto it = contexts_.find(key);
    if (it == contexts_.end()) {
      auto context = make_context(attempt, error);
      if (!context) return nullptr;
      it = contexts_.emplace(key, std::move(context)).first;
    }
    return it->second.get();
  }

  std::map<std::tuple<TlsCap, bool>, std::unique_ptr<ssl::context>> contexts_;
};

}  // namespace

std::unique_ptr<LocalProber> make_system_prober() { return std::make_unique<SystemProber>(); }

}  // namespace zt::network
