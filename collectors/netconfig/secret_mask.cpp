#include "collectors/netconfig/secret_mask.hpp"

#include <algorithm>
#include <span>
#include <vector>

#include "collectors/core/secret_evidence.hpp"
#include "collectors/core/text.hpp"

namespace zt::netconfig {
namespace {

using Words = std::vector<std::string_view>;

constexpr std::string_view kSecretBefore[] = {"password",  "secret",    "key",
                                              "key-string", "community", "pre-shared-key",
                                              "encrypted-password", "value"};  // Junos
// Words after `key` that name no secret (`key chain X`, `crypto key generate rsa`).
constexpr std::string_view kNotSecret[] = {"chain", "generate", "config-key", "pubkey-chain",
                                           "encryption", "zeroize", "import", "export",
                                           "storage", "address"};

bool is_number(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool one_of(std::string_view w, std::span<const std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Indexes of the words that are secrets.
std::vector<std::size_t> secret_words(const Words& w) {
  std::vector<std::size_t> out;
  const auto starts = [&](std::string_view a, std::string_view b) {
    return w.size() >= 2 && w[0] == a && w[1] == b;
  };
  if (starts("snmp-server", "host")) {
    std::size_t i = 3;  // after the address
    if (i < w.size() && (w[i] == "informs" || w[i] == "traps")) ++i;
    if (i < w.size() && w[i] == "version") i += (i + 2 < w.size() && w[i + 1] == "3") ? 3 : 2;
    if (i < w.size()) out.push_back(i);
    return out;
  }
  const bool snmp_user = starts("snmp-server", "user");
  for (std::size_t i = 0; i < w.size(); ++i) {
    std::size_t next = i + 1;
    if ((w[i] == "authentication-key" || w[i] == "message-digest-key") &&
        !(i + 2 < w.size() && w[i + 2] == "type")) {  // Junos: `… type sha256 value <key>`
      next = i + 3;  // <number> <algorithm> [type] <key>
      if (next + 1 < w.size() && is_number(w[next]) && w[next].size() == 1) ++next;
    } else if (snmp_user && (w[i] == "auth" || w[i] == "priv")) {
      next = i + 2;  // <algorithm> [bits] <password>
      if (next + 1 < w.size() && is_number(w[next])) ++next;
    } else if (one_of(w[i], kSecretBefore)) {
      if (next >= w.size() || one_of(w[next], kNotSecret)) continue;
      if ((is_number(w[next]) && w[next].size() == 1) || w[next] == "sha512") {  // EOS: sha512
        if (next + 1 < w.size()) ++next;             // <type> <value>
        else if (w[i] == "key") continue;            // `ntp server X key 1`: a key number
      }
    } else {
      continue;
    }
    if (next < w.size()) {
      out.push_back(next);
      i = next;
    }
  }
  return out;
}

}  // namespace

std::string masked(std::string_view secret) {
  return collector::secret_evidence(secret, "").masked;
}

std::string mask_secrets(std::string_view line) {
  const std::size_t indent = std::min(line.find_first_not_of(" \t"), line.size());
  const Words words = collector::split_whitespace(line);
  const std::vector<std::size_t> secrets = secret_words(words);
  std::string out(line.substr(0, indent));
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += ' ';
    const bool secret = std::find(secrets.begin(), secrets.end(), i) != secrets.end();
    out += secret ? masked(words[i]) : std::string(words[i]);
  }
  return out;
}

}  // namespace zt::netconfig
