#include "collectors/auth/authorized_keys.hpp"

#include <openssl/evp.h>

#include <catch2/catch.hpp>

#include "tests/support/temp_tree.hpp"

using namespace zt::auth;
using zt::test::fixture_host;
using zt::test::read_text;

namespace {

using Bytes = std::vector<unsigned char>;

void put_string(Bytes& out, const Bytes& bytes) {
  const auto n = static_cast<std::uint32_t>(bytes.size());
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<unsigned char>(n >> shift));
  out.insert(out.end(), bytes.begin(), bytes.end());
}
Bytes text(std::string_view s) { return Bytes(s.begin(), s.end()); }

std::string base64(const Bytes& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// An RSA public key blob whose modulus has exactly `bits` bits (mpint: a leading zero byte
// when the top bit is set).
Bytes rsa_blob(int bits, std::string_view type = "ssh-rsa", bool cert = false) {
  Bytes blob;
  put_string(blob, text(type));
  if (cert) put_string(blob, Bytes(32, 0x11));  // nonce
  put_string(blob, {0x01, 0x00, 0x01});
  Bytes n(static_cast<std::size_t>((bits + 7) / 8), 0xab);
  const int top = bits % 8 == 0 ? 8 : bits % 8;
  n[0] = static_cast<unsigned char>(1u << (top - 1));
  if (top == 8) n.insert(n.begin(), 0x00);
  put_string(blob, n);
  return blob;
}

}  // namespace

TEST_CASE("authorized_keys: RSA modulus sizes from the wire format", "[unit][auth]") {
  for (int bits : {768, 1024, 2047, 2048, 3071, 4096}) {
    INFO(bits);
    CHECK(key_bits_from_blob("ssh-rsa", rsa_blob(bits)) == bits);
    const auto line = parse_authorized_key_line("ssh-rsa " + base64(rsa_blob(bits)) + " c");
    REQUIRE(line);
    REQUIRE(line->key);
    CHECK(line->key->bits == bits);
  }
  // A certificate carries a nonce before e and n.
  const std::string cert_type = "ssh-rsa-cert-v01@openssh.com";
  CHECK(key_bits_from_blob(cert_type, rsa_blob(1024, cert_type, true)) == 1024);
  const auto cert =
      parse_authorized_key_line(cert_type + " " + base64(rsa_blob(1024, cert_type, true)));
  REQUIRE(cert->key);
  CHECK(cert->key->algorithm == "ssh-rsa");
  // The blob's type must be the line's.
  CHECK_FALSE(key_bits_from_blob("ssh-dss", rsa_blob(2048)));
  // Truncated blobs.
  const Bytes full = rsa_blob(2048);
  for (std::size_t n = 0; n < full.size(); n += 7)
    CHECK_FALSE(
        key_bits_from_blob("ssh-rsa", Bytes(full.begin(), full.begin() + static_cast<long>(n))));
}

TEST_CASE("authorized_keys: options, comments and bad lines", "[unit][auth]") {
  const std::string blob = base64(rsa_blob(2048));
  const auto opts = parse_authorized_key_line(
      "command=\"echo \\\"a b\\\" ssh-rsa\",from=\"10.0.0.1\",no-pty ssh-rsa " + blob +
      "  alice@host  with spaces ");
  REQUIRE(opts);
  REQUIRE(opts->key);
  CHECK(opts->key->has_options);
  CHECK(opts->key->type == "ssh-rsa");
  CHECK(opts->key->bits == 2048);
  CHECK(opts->key->comment == "alice@host  with spaces");

  CHECK_FALSE(parse_authorized_key_line("   "));
  CHECK_FALSE(parse_authorized_key_line("# ssh-rsa AAAA"));
  CHECK(parse_authorized_key_line("ssh-foo AAAA")->error == "unknown key type");
  CHECK(parse_authorized_key_line("restrict ssh-rsa")->error == "no key data");
  CHECK(parse_authorized_key_line("ssh-rsa not*base64")->error == "key data is not base64");
  CHECK(parse_authorized_key_line("ssh-ed25519 " + blob)->error ==
        "key data does not hold a ssh-ed25519 key");

  CHECK(decode_base64("YWJj") == Bytes{'a', 'b', 'c'});
  CHECK(decode_base64("YWI=") == Bytes{'a', 'b'});
  CHECK(decode_base64("YQ==") == Bytes{'a'});
  CHECK_FALSE(decode_base64("YQ="));
  CHECK_FALSE(decode_base64("Y=Q="));
  CHECK_FALSE(decode_base64(""));
}

TEST_CASE("authorized_keys: the real keys of the fixtures", "[unit][auth]") {
  const auto hardened = parse_authorized_keys(
      read_text(fixture_host("auth-hardened") / "home/alice/.ssh/authorized_keys"), 100);
  REQUIRE(hardened.keys.size() == 2);
  CHECK(hardened.malformed_lines == 0);
  CHECK(hardened.keys[0].key.type == "ssh-ed25519");
  CHECK(hardened.keys[0].key.bits == 256);
  CHECK(hardened.keys[0].key.has_options);
  CHECK(hardened.keys[0].key.comment == "alice@laptop");
  CHECK(hardened.keys[0].line == 2);
  CHECK(hardened.keys[1].key.type == "ssh-rsa");
  CHECK(hardened.keys[1].key.bits == 4096);
  CHECK(hardened.keys[1].line == 4);

  const auto bob = parse_authorized_keys(
      read_text(fixture_host("auth-weak") / "home/bob/.ssh/authorized_keys"), 100);
  REQUIRE(bob.keys.size() == 2);
  CHECK(bob.keys[0].key.type == "ssh-dss");
  CHECK(bob.keys[0].key.bits == 1024);
  CHECK(bob.keys[0].key.comment == "bob@old-laptop");
  CHECK(bob.keys[1].key.type == "ecdsa-sha2-nistp256");
  CHECK(bob.keys[1].key.bits == 256);

  const auto carol = parse_authorized_keys(
      read_text(fixture_host("auth-weak") / "home/carol/.ssh/authorized_keys"), 100);
  REQUIRE(carol.keys.size() == 1);
  CHECK(carol.keys[0].key.bits == 1024);

  const auto capped = parse_authorized_keys(
      read_text(fixture_host("auth-hardened") / "home/alice/.ssh/authorized_keys"), 1);
  CHECK(capped.keys.size() == 1);
  CHECK(capped.truncated);
}
