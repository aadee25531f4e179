#include "collectors/privacy/private_keys.hpp"

#include "collectors/privacy/checksums.hpp"
#include "collectors/privacy/finding_types.hpp"

namespace zt::privacy {
namespace {

constexpr std::string_view kOpensshMagic{"openssh-key-v1\0", 15};

bool starts_line(std::string_view text, std::size_t pos) {
  while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t')) --pos;
  return pos == 0 || text[pos - 1] == '\n';
}

void add(Hits& hits, std::string_view text, std::string_view data_type, std::size_t pos,
         std::string_view value) {
  hits.push_back({finding_type::kUnprotectedPrivateKey, data_type, line_at(text, pos), value});
}

void pem(std::string_view text, Hits& hits) {
  constexpr std::string_view kBegin = "-----BEGIN ";
  for (std::size_t pos = text.find(kBegin); pos != std::string_view::npos;
       pos = text.find(kBegin, pos + 1)) {
    if (!starts_line(text, pos)) continue;
    const std::size_t label_end = text.find("-----", pos + kBegin.size());
    if (label_end == std::string_view::npos) return;
    const std::string_view label =
        text.substr(pos + kBegin.size(), label_end - pos - kBegin.size());
    if (!label.ends_with("PRIVATE KEY") || label.starts_with("ENCRYPTED")) continue;
    const std::string end_marker = "-----END " + std::string(label) + "-----";
    const std::size_t body_start = label_end + 5;
    const std::size_t end = text.find(end_marker, body_start);
    if (end == std::string_view::npos) continue;
    std::string_view body = text.substr(body_start, end - body_start);
    while (!body.empty() && (body.front() == '\n' || body.front() == '\r')) body.remove_prefix(1);
    if (label == "OPENSSH PRIVATE KEY") {
      const auto blob = base64_decode(body);
      if (blob && openssh_cipher(*blob) == "none")
        add(hits, text, "openssh_private_key", pos, body);
      continue;
    }
    if (body.find("ENCRYPTED") != std::string_view::npos) continue;  // Proc-Type: 4,ENCRYPTED
    const auto der = base64_decode(body);
    if (der && der->size() > 16 && static_cast<unsigned char>((*der)[0]) == 0x30)
      add(hits, text, "pem_private_key", pos, body);
  }
}

void putty(std::string_view text, Hits& hits) {
  constexpr std::string_view kHeader = "PuTTY-User-Key-File-";
  for (std::size_t pos = text.find(kHeader); pos != std::string_view::npos;
       pos = text.find(kHeader, pos + 1)) {
    if (!starts_line(text, pos)) continue;
    const std::size_t encryption = text.find("\nEncryption: ", pos);
    if (encryption == std::string_view::npos) continue;
    const std::size_t value = encryption + 13;
    const std::size_t eol = text.find_first_of("\r\n", value);
    const std::string_view cipher =
        text.substr(value, eol == std::string_view::npos ? text.npos : eol - value);
    if (cipher != "none") continue;
    const std::size_t next = text.find(kHeader, pos + 1);
    add(hits, text, "putty_private_key", pos,
        text.substr(pos, next == std::string_view::npos ? text.npos : next - pos));
  }
}

}  // namespace

std::string_view openssh_cipher(std::string_view blob) {
  if (!blob.starts_with(kOpensshMagic) || blob.size() < kOpensshMagic.size() + 4) return {};
  const auto* length_bytes =
      reinterpret_cast<const unsigned char*>(blob.data() + kOpensshMagic.size());
  const std::size_t length = (std::size_t{length_bytes[0]} << 24) |
                             (std::size_t{length_bytes[1]} << 16) |
                             (std::size_t{length_bytes[2]} << 8) | length_bytes[3];
  const std::size_t start = kOpensshMagic.size() + 4;
  if (length == 0 || length > 64 || start + length > blob.size()) return {};
  return blob.substr(start, length);
}

void find_private_keys(std::string_view text, Hits& hits) {
  pem(text, hits);
  putty(text, hits);
}

}  // namespace zt::privacy
