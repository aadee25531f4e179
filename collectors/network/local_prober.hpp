#pragma once
// LocalProber: the live I/O of the network collector, behind an interface so that tests can
// replay recorded results. The system implementation (local_prober_linux.cpp) uses POSIX
// sockets with timeouts and OpenSSL; it is only ever given this host's own listening
// addresses (loopback for wildcard binds, or the socket's own bound address: see
// probe_plan.hpp). Methods never throw; failures are values. Not thread-safe per instance.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "collectors/core/loopback_socket.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::network {

using collector::Endpoint;
using collector::Family;
using collector::Protocol;

struct BannerResult {
  bool connected = false;
  std::string bytes;  // what the peer sent first, unasked (at most kMaxBannerBytes)
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
};

class LocalProber {
 public:
  virtual ~LocalProber() = default;
  // True when it touches this machine's sockets: the collector then uses it only when the
  // host root is "/". A prober that replays recorded results returns false.
  virtual bool live() const = 0;
  // Connects and waits up to `limit` for the peer to speak first; sends nothing.
  virtual BannerResult banner(const Endpoint& target, std::chrono::milliseconds limit) = 0;
  // One TLS handshake (no SNI, no verification), within `limit`.
  virtual TlsResult tls(const Endpoint& target, const TlsAttempt& attempt,
                        std::chrono::milliseconds limit) = 0;
};

// POSIX sockets + OpenSSL.
std::unique_ptr<LocalProber> make_system_prober();

}  // namespace zt::network
