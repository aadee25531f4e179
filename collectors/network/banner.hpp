#pragma once
// What the greeting a server sends first says about it. The bytes are read from the local
// socket by the prober (which never sends anything for it); this is the pure part. Never
// throws.
#include <optional>
#include <string>
#include <string_view>

namespace zt::network {

// Also what an answer to a first message says (first_message.hpp): "http", "redis",
// "memcached", and "postgresql" from its SSLRequest answer.
struct BannerInfo {
  std::string service;  // "ssh", "smtp", "ftp", "pop3", "imap", "mysql", "vnc", "telnet"
  std::string version;  // "OpenSSH_9.2p1 Debian-2", "vsFTPd 3.0.3", "8.0.36"; may be empty
  bool operator==(const BannerInfo&) const = default;
};

// Recognised greetings:
//   SSH   "SSH-2.0-OpenSSH_9.2p1 Debian-2"      → ssh, "OpenSSH_9.2p1 Debian-2"
//   FTP   "220 (vsFTPd 3.0.3)"                   → ftp, "vsFTPd 3.0.3"
//   SMTP  "220 mx ESMTP Exim 4.96 …"             → smtp, "Exim 4.96"
//   POP3  "+OK Dovecot (Debian) ready."          → pop3, "Dovecot"
//   IMAP  "* OK [CAPABILITY …] Dovecot ready."   → imap, "Dovecot"
//   MySQL protocol-10 handshake packet            → mysql, its server version string
//   VNC   "RFB 003.008"                          → vnc, "RFB 003.008"
//   telnet option negotiation (IAC DO/WILL …)    → telnet, ""
// nullopt for anything else (a 220 that names neither FTP nor SMTP included). The version is
// valid UTF-8 (invalid sequences become U+FFFD).
std::optional<BannerInfo> parse_banner(std::string_view bytes);

// The banner's first line as evidence: printable ASCII only (others become '.'), at most
// `max` characters.
std::string banner_excerpt(std::string_view bytes, std::size_t max = 200);

}  // namespace zt::network
