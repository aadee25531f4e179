#pragma once
// The network collector's finding types: the one table of what it reports and how severe it
// is. A finding's identity is (host, port, protocol, finding_type): the listener's bound
// address, port and tcp/udp, and the type, which is in metadata.finding_type (the network
// table has no column for it). Every listener gets one listening_service finding; the others
// are problems of one listener, at most one of each type.
//
// | finding_type           | severity                | fires when                            |
// |------------------------|-------------------------|---------------------------------------|
// | listening_service      | info                    | every listener                        |
// | exposed_local_service  | the service's           | a local-only service (Redis, Docker   |
// |                        | (service_catalog.cpp)   | API, …) bound to every interface      |
// |                        |                         | (0.0.0.0 or ::)                       |
// | cleartext_service      | the service's; low when | a cleartext protocol (telnet, FTP,    |
// |                        | bound to loopback only  | …: service_catalog.cpp) listening     |
// | tls_cert_expired       | high                    | certificate notAfter in the past      |
// | tls_cert_expiring      | medium                  | notAfter within kCertExpiryWarning    |
// | tls_self_signed_public | medium                  | self-signed certificate on a          |
// |                        |                         | non-loopback bind                     |
// | tls_legacy_protocol    | medium                  | a TLS 1.0 or 1.1 handshake accepted   |
// | tls_weak_cipher        | high                    | a weak suite accepted (or negotiated  |
// |                        |                         | by default)                           |
//
// The TLS types need a live probe (host root "/", or recorded results).
#include <chrono>
#include <string_view>

namespace zt::network {

inline constexpr std::chrono::days kCertExpiryWarning{30};

namespace finding_type {
inline constexpr std::string_view kListening = "listening_service";
inline constexpr std::string_view kExposedLocal = "exposed_local_service";
inline constexpr std::string_view kCleartext = "cleartext_service";
inline constexpr std::string_view kCertExpired = "tls_cert_expired";
inline constexpr std::string_view kCertExpiring = "tls_cert_expiring";
inline constexpr std::string_view kSelfSignedPublic = "tls_self_signed_public";
inline constexpr std::string_view kLegacyProtocol = "tls_legacy_protocol";
inline constexpr std::string_view kWeakCipher = "tls_weak_cipher";
}  // namespace finding_type

}  // namespace zt::network
