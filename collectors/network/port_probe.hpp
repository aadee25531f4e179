#pragma once
// What the collector does with one port: the conversation first_message.hpp chooses for the
// service it expects there, through a LocalProber, by one deadline for the port. Writes what
// it learnt into the listener: the greeting or answer (banner, banner_bytes) and the TLS
// observation. An Asio coroutine for the probe engine; never throws but for allocation
// failures.
//
// The order, and what stops it:
//   - greeting / ask / unknown: the cleartext exchange first (when banners are probed), with
//     half the port's time when TLS may follow, a quarter on an unknown port; a port that
//     refuses the connection is left there, one that said something in cleartext too (it is
//     not TLS);
//   - TLS (when probed): the main handshake, then, after a good one only, the handshakes
//     capped at TLS 1.0 and 1.1 and the weak-cipher one; a tls port starts here, a postgres
//     port starts here through an SSLRequest;
//   - unknown only: the main handshake within the next quarter of the port's time; when
//     neither the greeting nor TLS came, and the handshake failed without timing out, an
//     HTTP HEAD with the time left. A silent unknown port thus costs half its time.
// An answer to a first message keeps the expected service's name ("elasticsearch" that
// answers HTTP stays elasticsearch); the version comes from the answer.
#include <utility>  // first: Boost 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio/awaitable.hpp>

#include "collectors/network/listener.hpp"
#include "collectors/network/local_prober.hpp"

namespace zt::network {

struct PortProbeSettings {
  bool banners = true;  // greetings and cleartext first messages
  bool tls = true;
};

// `prober` and `listener` must outlive the coroutine; the rest is copied into it.
boost::asio::awaitable<void> probe_port(LocalProber& prober, Listener& listener,
                                        Endpoint target, PortProbeSettings settings,
                                        Deadline deadline);

}  // namespace zt::network
