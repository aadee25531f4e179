#pragma once
// One listening socket of the host with its owner and what probing it found: an element of
// the Snapshot (snapshot.hpp). Plain data.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "collectors/core/host_sockets.hpp"
#include "collectors/network/banner.hpp"
#include "collectors/network/local_prober.hpp"

namespace zt::network {

using collector::ProcessInfo;

struct TlsObservation {
  TlsResult main;                  // the handshake with the library's highest version
  std::vector<std::string> legacy; // "TLSv1", "TLSv1.1": capped handshakes that succeeded
  std::optional<std::string> weak_cipher;  // negotiated when offering weak suites only
  bool weak_check_done = false;
};

// A listening socket (with its owner) and what probing it found.
struct Listener : collector::ListeningSocket {
  // Probing (TCP only, live hosts or recorded results).
  std::optional<std::string> banner_bytes;
  std::optional<BannerInfo> banner;
  std::optional<TlsObservation> tls;  // set when a TLS probe ran (handshake ok or not)
};

// The service: from the banner, else the process name, else the port; "" when unknown.
std::string service_name(const Listener& listener);

}  // namespace zt::network
