#include "collectors/network/banner.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "collectors/core/text.hpp"
#include "collectors/core/utf8.hpp"

namespace zt::network {
namespace {

std::string_view first_line(std::string_view bytes) {
  return bytes.substr(0, std::min(bytes.find_first_of("\r\n"), bytes.size()));
}

bool iequals_at(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[at + i])) !=
        std::tolower(static_cast<unsigned char>(word[i])))
      return false;
  return true;
}

std::size_t ifind(std::string_view text, std::string_view word) {
  if (word.size() > text.size()) return std::string_view::npos;
  for (std::size_t at = 0; at + word.size() <= text.size(); ++at)
    if (iequals_at(text, at, word)) return at;
  return std::string_view::npos;
}

// Server products that name themselves in FTP, SMTP, POP3 and IMAP greetings.
constexpr std::array<std::string_view, 12> kProducts = {
    "vsFTPd", "ProFTPD", "Pure-FTPd", "FileZilla Server", "Postfix", "Exim",
    "Sendmail", "OpenSMTPD", "Dovecot", "Courier", "Cyrus", "Microsoft ESMTP"};

// "Exim 4.96": the product as the greeting spells it, and the next word when it is a version
// (starts with a digit), without trailing punctuation.
std::string product_version(std::string_view line) {
  for (std::string_view product : kProducts) {
    const std::size_t at = ifind(line, product);
    if (at == std::string_view::npos) continue;
    std::string version(line.substr(at, product.size()));
    std::string_view rest = line.substr(at + product.size());
    const auto words = collector::split_whitespace(rest);
    if (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t') && !words.empty() &&
        std::isdigit(static_cast<unsigned char>(words.front().front()))) {
      std::string_view v = words.front();
      while (!v.empty() && std::string_view(";,)]").find(v.back()) != std::string_view::npos)
        v.remove_suffix(1);
      if (!v.empty()) version.append(" ").append(v);
    }
    return version;
  }
  return {};
}

std::optional<BannerInfo> parse_mysql(std::string_view bytes) {
  // Packet: 3-byte little-endian length, sequence 0, then protocol version 10 and the
  // NUL-terminated server version; or an error packet (0xff) when this host is refused.
  if (bytes.size() < 5 || bytes[3] != '\0') return std::nullopt;
  const std::size_t length = static_cast<unsigned char>(bytes[0]) |
                             static_cast<std::size_t>(static_cast<unsigned char>(bytes[1])) << 8 |
                             static_cast<std::size_t>(static_cast<unsigned char>(bytes[2])) << 16;
  if (length < 1) return std::nullopt;
  const auto kind = static_cast<unsigned char>(bytes[4]);
  if (kind == 0xff && length >= 3) return BannerInfo{"mysql", ""};
  if (kind != 10) return std::nullopt;
  const std::string_view rest = bytes.substr(5);
  const std::size_t nul = rest.find('\0');
  if (nul == std::string_view::npos || nul == 0 || nul > 100) return std::nullopt;
  const std::string_view version = rest.substr(0, nul);
  if (!std::all_of(version.begin(), version.end(),
                   [](char c) { return c > 0x20 && c < 0x7f; }))
    return std::nullopt;
  return BannerInfo{"mysql", std::string(version)};
}

std::optional<BannerInfo> parse_greeting(std::string_view bytes) {
  if (bytes.empty()) return std::nullopt;
  // telnet: IAC (255) followed by WILL/WONT/DO/DONT (251..254).
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xff &&
      static_cast<unsigned char>(bytes[1]) >= 0xfb && static_cast<unsigned char>(bytes[1]) <= 0xfe)
    return BannerInfo{"telnet", ""};
  if (auto mysql = parse_mysql(bytes)) return mysql;

  const std::string_view line = first_line(bytes);
  if (line.starts_with("SSH-")) {
    // SSH-protoversion-softwareversion [comments]
    const std::size_t dash = line.find('-', 4);
    if (dash == std::string_view::npos) return BannerInfo{"ssh", ""};
    return BannerInfo{"ssh", std::string(collector::trim(line.substr(dash + 1)))};
  }
  if (line.starts_with("RFB ")) return BannerInfo{"vnc", std::string(collector::trim(line))};
  if (line.starts_with("+OK")) return BannerInfo{"pop3", product_version(line)};
  if (line.starts_with("* OK") || line.starts_with("* PREAUTH"))
    return BannerInfo{"imap", product_version(line)};
  if (line.starts_with("220")) {
    const std::string version = product_version(line);
    const bool ftp = ifind(line, "FTP") != std::string_view::npos;
    const bool smtp = ifind(line, "SMTP") != std::string_view::npos ||
                      ifind(line, "Postfix") != std::string_view::npos ||
                      ifind(line, "Sendmail") != std::string_view::npos ||
                      ifind(line, "Exim") != std::string_view::npos;
    if (ftp && !smtp) return BannerInfo{"ftp", version};
    if (smtp && !ftp) return BannerInfo{"smtp", version};
  }
  return std::nullopt;
}

}  // namespace

std::optional<BannerInfo> parse_banner(std::string_view bytes) {
  std::optional<BannerInfo> info = parse_greeting(bytes);
  if (info) info->version = collector::valid_utf8(info->version);
  return info;
}

std::string banner_excerpt(std::string_view bytes, std::size_t max) {
  std::string out;
  for (char c : first_line(bytes)) {
    if (out.size() >= max) break;
    out += (c >= 0x20 && c < 0x7f) ? c : '.';
  }
  return out;
}

}  // namespace zt::network
