#pragma once
// How the collector opens a conversation with a local port, by the service it expects there
// (from the owning process or the port: service_catalog.hpp), and what the answers to the
// first messages of protocols whose servers wait for the client say. Pure; never throws.
//
//   greeting  the server speaks first (SSH, FTP, SMTP, POP3, IMAP, MySQL, VNC, telnet): wait
//             for its greeting (banner.hpp), TLS if it says nothing
//   ask       the server waits for a cleartext request: send the protocol's first message
//             (HTTP `HEAD / HTTP/1.0`, Redis inline `PING`, Memcached `version`), read the
//             answer, TLS if none comes
//   tls       TLS from the first byte (HTTPS, SMTPS, IMAPS, POP3S, LDAPS, Docker TLS,
//             kubelet): handshake at once
//   postgres  PostgreSQL's SSLRequest; 'S' → TLS handshake on the same connection, 'N' →
//             PostgreSQL without TLS
//   unknown   anything else: wait for a greeting, then TLS, then HTTP HEAD when neither said
//             anything useful
#include <optional>
#include <string_view>

#include "collectors/network/banner.hpp"

namespace zt::network {

enum class Ask { nothing, http_head, redis_ping, memcached_version };

enum class Opening { greeting, ask, tls, postgres, unknown };

struct Approach {
  Opening opening = Opening::unknown;
  Ask ask = Ask::nothing;  // set for Opening::ask
  bool operator==(const Approach&) const = default;
};

// `service` as service_name() gives it before probing ("" when unknown).
Approach approach_for(std::string_view service);

// The bytes sent first: "" for Ask::nothing.
std::string_view ask_bytes(Ask ask);
// "nothing", "http_head", "redis_ping", "memcached_version".
std::string_view to_string(Ask ask);

// PostgreSQL's SSLRequest: length 8, code 80877103.
inline constexpr std::string_view kPostgresSslRequest{"\x00\x00\x00\x08\x04\xd2\x16\x2f", 8};

// Whether `bytes` hold a whole greeting (Ask::nothing: a line, or something parse_banner
// recognises) or a whole answer to `ask` (HTTP: the header's end; Redis, Memcached: a line),
// so that reading can stop before the deadline.
bool reply_complete(Ask ask, std::string_view bytes);

// The answer to `ask`:
//   http_head          "HTTP/1.1 200 OK" … "Server: nginx/1.22.1"  → http, "nginx/1.22.1"
//   redis_ping         "+PONG", or a RESP error ("-NOAUTH …", "-DENIED …") → redis, ""
//   memcached_version  "VERSION 1.6.18"                         → memcached, "1.6.18"
// nullopt for anything else, and for Ask::nothing (use parse_banner).
std::optional<BannerInfo> parse_answer(Ask ask, std::string_view bytes);

}  // namespace zt::network
