#include "collectors/auth/authorized_keys.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <climits>
#include <cstdint>

#include "collectors/core/text.hpp"

namespace zt::auth {
namespace {

constexpr std::string_view kCertSuffix = "-cert-v01@openssh.com";
constexpr std::string_view kKeyTypes[] = {"ssh-rsa",
                                          "ssh-dss",
                                          "ssh-ed25519",
                                          "ssh-ed448",
                                          "ecdsa-sha2-nistp256",
                                          "ecdsa-sha2-nistp384",
                                          "ecdsa-sha2-nistp521",
                                          "sk-ecdsa-sha2-nistp256@openssh.com",
                                          "sk-ssh-ed25519@openssh.com"};

// "ssh-rsa-cert-v01@openssh.com" -> "ssh-rsa"; the sk- types keep their @openssh.com.
std::string base_algorithm(std::string_view type) {
  if (type.ends_with(kCertSuffix)) {
    std::string base(type.substr(0, type.size() - kCertSuffix.size()));
    if (base.starts_with("sk-")) base += "@openssh.com";
    return base;
  }
  return std::string(type);
}

bool is_key_type(std::string_view type) {
  const std::string base = base_algorithm(type);
  return std::find(std::begin(kKeyTypes), std::end(kKeyTypes), base) != std::end(kKeyTypes);
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Reads SSH wire strings (uint32 length, bytes) off a blob.
class WireReader {
 public:
  explicit WireReader(std::span<const unsigned char> data) : data_(data) {}
  std::optional<std::span<const unsigned char>> string() {
    if (data_.size() - pos_ < 4) return std::nullopt;
    const std::uint32_t n = (std::uint32_t{data_[pos_]} << 24) |
                            (std::uint32_t{data_[pos_ + 1]} << 16) |
                            (std::uint32_t{data_[pos_ + 2]} << 8) | std::uint32_t{data_[pos_ + 3]};
    pos_ += 4;
    if (n > data_.size() - pos_) return std::nullopt;
    const auto out = data_.subspan(pos_, n);
    pos_ += n;
    return out;
  }

 private:
  std::span<const unsigned char> data_;
  std::size_t pos_ = 0;
};

std::string_view as_text(std::span<const unsigned char> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// Significant bits of an mpint (big-endian, leading zero bytes ignored).
int mpint_bits(std::span<const unsigned char> bytes) {
  std::size_t i = 0;
  while (i < bytes.size() && bytes[i] == 0) ++i;
  if (i == bytes.size()) return 0;
  if (bytes.size() - i > static_cast<std::size_t>(INT_MAX / 8)) return 0;
  int top = 0;
  for (unsigned v = bytes[i]; v != 0; v >>= 1) ++top;
  return static_cast<int>(bytes.size() - i - 1) * 8 + top;
}

}  // namespace

std::optional<std::vector<unsigned char>> decode_base64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0 || text.size() > (std::size_t{1} << 20))
    return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool pad = c == '=' && i + 2 >= text.size();
    if (!alnum && c != '+' && c != '/' && !pad) return std::nullopt;
  }
  if (text[text.size() - 2] == '=' && text.back() != '=') return std::nullopt;
  std::vector<unsigned char> out(text.size() / 4 * 3);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  // EVP_DecodeBlock counts the padding as zero bytes: drop them.
  std::size_t size = static_cast<std::size_t>(n);
  const std::size_t padding = static_cast<std::size_t>(std::count(text.end() - 2, text.end(), '='));
  size = size >= padding ? size - padding : 0;
  out.resize(size);
  return out;
}

std::optional<int> key_bits_from_blob(std::string_view type, std::span<const unsigned char> blob) {
  WireReader in(blob);
  const auto blob_type = in.string();
  if (!blob_type || as_text(*blob_type) != type) return std::nullopt;
  const bool cert = type.ends_with(kCertSuffix);
  if (cert && !in.string()) return std::nullopt;  // the nonce
  const std::string algorithm = base_algorithm(type);
  if (algorithm == "ssh-rsa") {
    const auto e = in.string();
    const auto n = e ? in.string() : std::nullopt;
    if (!n) return std::nullopt;
    return mpint_bits(*n);
  }
  if (algorithm == "ssh-dss") {
    const auto p = in.string();
    if (!p) return std::nullopt;
    return mpint_bits(*p);
  }
  if (algorithm.starts_with("ecdsa-sha2-") || algorithm.starts_with("sk-ecdsa-sha2-")) {
    const auto curve = in.string();
    if (!curve) return std::nullopt;
    if (as_text(*curve) == "nistp256") return 256;
    if (as_text(*curve) == "nistp384") return 384;
    if (as_text(*curve) == "nistp521") return 521;
    return std::nullopt;
  }
  if (algorithm == "ssh-ed25519" || algorithm == "sk-ssh-ed25519@openssh.com") return 256;
  if (algorithm == "ssh-ed448") return 456;
  return std::nullopt;
}

std::optional<KeyLine> parse_authorized_key_line(std::string_view line) {
  line = collector::trim(line);
  if (line.empty() || line.front() == '#') return std::nullopt;
  KeyLine out;
  KeyInfo key;
  std::string_view rest = line;
  const std::size_t first_end = std::min(line.find_first_of(" \t"), line.size());
  if (!is_key_type(line.substr(0, first_end))) {
    // Options: up to the first blank outside double quotes (\" escapes a quote).
    bool quoted = false;
    std::size_t i = 0;
    for (; i < line.size(); ++i) {
      if (line[i] == '\\' && quoted && i + 1 < line.size()) {
        ++i;
        continue;
      }
      if (line[i] == '"') quoted = !quoted;
      if (!quoted && is_space(line[i])) break;
    }
    key.has_options = true;
    rest = collector::trim(line.substr(i));
  }
  const auto words = collector::split_whitespace(rest);
  if (words.empty() || !is_key_type(words[0])) {
    out.error = "unknown key type";
    return out;
  }
  key.type = std::string(words[0]);
  key.algorithm = base_algorithm(key.type);
  if (words.size() < 2) {
    out.error = "no key data";
    return out;
  }
  const auto blob = decode_base64(words[1]);
  if (!blob) {
    out.error = "key data is not base64";
    return out;
  }
  const auto bits = key_bits_from_blob(key.type, *blob);
  if (!bits) {
    out.error = "key data does not hold a " + key.type + " key";
    return out;
  }
  key.bits = *bits;
  // The comment: everything after the blob, as written.
  const std::size_t blob_at = static_cast<std::size_t>(words[1].data() - rest.data());
  key.comment = std::string(collector::trim(rest.substr(blob_at + words[1].size())));
  out.key = std::move(key);
  return out;
}

AuthorizedKeys parse_authorized_keys(std::string_view text, std::size_t max_keys) {
  AuthorizedKeys out;
  const auto lines = collector::split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto parsed = parse_authorized_key_line(lines[i]);
    if (!parsed) continue;
    if (!parsed->key) {
      ++out.malformed_lines;
      continue;
    }
    if (out.keys.size() >= max_keys) {
      out.truncated = true;
      break;
    }
    out.keys.push_back({std::move(*parsed->key), i + 1});
  }
  return out;
}

}  // namespace zt::auth
