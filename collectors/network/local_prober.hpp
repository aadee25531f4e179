#pragma once
// LocalProber: the live I/O of the network collector, behind an interface so that tests can
// replay recorded results. Its steps are Asio coroutines run by the probe engine
// (collectors/core/probe_engine.hpp), many ports at once on one io_context; each step ends by
// the deadline it is given. The system implementation (local_prober_linux.cpp) uses Beast
// tcp_streams and Asio's OpenSSL streams; it is only ever given this host's own listening
// addresses (loopback for wildcard binds, or the socket's own address: see probe_plan.hpp).
// Steps never throw but for allocation failures; failures are values. An instance may run
// many steps at once, all in the engine's one thread.
#include <utility>  // first: Boost 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio/awaitable.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "collectors/core/loopback_socket.hpp"
#include "collectors/network/first_message.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::network {

using collector::DeadlineClock;
using collector::Endpoint;
using collector::Family;
using collector::Protocol;
using Deadline = DeadlineClock::time_point;

struct BannerResult {
  bool connected = false;
  std::string bytes;  // what the peer said, first or to the first message (at most kMaxBannerBytes)
  std::string error;  // why nothing was read, when connected is false
};

inline constexpr std::size_t kMaxBannerBytes = 512;

// The highest protocol version the client offers.
enum class TlsCap { none, tls1_0, tls1_1 };

struct TlsAttempt {
  TlsCap max_version = TlsCap::none;
  // Offer only weak cipher suites (NULL, anonymous, export, RC4, DES, 3DES, MD5), TLS 1.2 at
  // most (TLS 1.3 has no weak suites).
  bool weak_ciphers_only = false;
  // Send PostgreSQL's SSLRequest first and shake hands only if the server answers 'S'.
  bool postgres_ssl_request = false;
  bool operator==(const TlsAttempt&) const = default;
};

struct CertificateInfo {
  std::string subject;  // RFC 2253
  std::string issuer;
  model::Timestamp not_before;
  model::Timestamp not_after;
  bool self_signed = false;  // issuer == subject and signed by its own key
};

struct TlsResult {
  bool handshake_ok = false;
  std::string protocol;  // OpenSSL's name: "TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"
  std::string cipher;    // OpenSSL's name: "TLS_AES_256_GCM_SHA384"
  std::optional<CertificateInfo> certificate;
  std::string error;     // why the handshake failed
  bool timed_out = false;
  char postgres_answer = 0;  // 'S' or 'N' when an SSLRequest was answered so
};

class LocalProber {
 public:
  virtual ~LocalProber() = default;
  // True when it touches this machine's sockets: the collector then uses it only when the
  // host root is "/". A prober that replays recorded results returns false.
  virtual bool live() const = 0;
  // Connects, sends `ask`'s first message (nothing for Ask::nothing) and reads what the peer
  // says until a whole greeting or answer is in (reply_complete), the peer closes, or the
  // deadline.
  // (Parameters by value: a coroutine keeps copies, not references to the caller's.)
  virtual boost::asio::awaitable<BannerResult> exchange(Endpoint target, Ask ask,
                                                        Deadline deadline) = 0;
  // One TLS handshake (no SNI, no verification), by the deadline.
  virtual boost::asio::awaitable<TlsResult> tls(Endpoint target, TlsAttempt attempt,
                                                Deadline deadline) = 0;
};

// Beast tcp_streams + Asio's OpenSSL streams.
std::unique_ptr<LocalProber> make_system_prober();

}  // namespace zt::network
