#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "collectors/privacy/checksums.hpp"
#include "collectors/privacy/config_secrets.hpp"
#include "collectors/privacy/personal_data.hpp"
#include "collectors/privacy/private_keys.hpp"
#include "collectors/privacy/report.hpp"
#include "collectors/privacy/token_shapes.hpp"
#include "tests/support/fuzz.hpp"

using namespace zt::privacy;

namespace {

std::vector<std::string> types_in(void (*scan)(std::string_view, Hits&), std::string_view text) {
  Hits hits;
  scan(text, hits);
  std::vector<std::string> types;
  for (const Hit& hit : hits)
    types.push_back(std::string(hit.data_type) + "@" + std::to_string(hit.line));
  return types;
}

}  // namespace

TEST_CASE("Checksums: CRC32, base62, Luhn, mod 97, base64", "[unit][privacy]") {
  CHECK(crc32("123456789") == 0xCBF43926u);  // the CRC-32 check value
  CHECK(base62_value("0000zz") == 62u * 61 + 61);
  CHECK(base62_fixed(62u * 61 + 61, 6) == "0000zz");
  CHECK_FALSE(base62_value("ab-c").has_value());
  CHECK(luhn_ok("4111111111111111"));
  CHECK(luhn_ok("378282246310005"));
  CHECK_FALSE(luhn_ok("4111111111111112"));
  CHECK(iban_mod97_ok("DE89370400440532013000"));
  CHECK(iban_mod97_ok("GB82WEST12345698765432"));
  CHECK_FALSE(iban_mod97_ok("DE88370400440532013000"));
  CHECK(base64_decode("aGVsbG8=") == "hello");
  CHECK(base64_decode("aGVsbG8") == "hello");
  CHECK_FALSE(base64_decode("a$b").has_value());
  const std::string random = "abcdefghijklmnopqrstuvwxyz0123";
  const std::string token = "ghp_" + random + base62_fixed(crc32(random), 6);
  CHECK(token_checksum_ok(token, 4));
  CHECK_FALSE(token_checksum_ok(token.substr(0, 39) + (token.back() == '0' ? "1" : "0"), 4));
}

TEST_CASE("Token shapes", "[unit][privacy]") {
  const std::string random = "0123456789abcdefghijABCDEFGHIJ";
  const std::string github = "ghp_" + random + base62_fixed(crc32(random), 6);
  CHECK(types_in(find_tokens, "x\nTOKEN=" + github + "\n") ==
        std::vector<std::string>{"github_token@2"});
  CHECK(types_in(find_tokens, "Xghp_" + github.substr(4)).empty());  // inside a word
  CHECK(types_in(find_tokens, github + "A").empty());                // too long
  CHECK(types_in(find_tokens, "AKIAIOSFODNN7Q2X3Z4W\n").empty());    // no secret near
  CHECK(types_in(find_tokens,
                 "id=AKIAIOSFODNN7Q2X3Z4W\n\n\nkey=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ2x3Z4wKa\n") ==
        std::vector<std::string>{"aws_access_key@1"});
  CHECK(types_in(find_tokens,
                 "id=AKIAIOSFODNN7EXAMPLE\nkey=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n")
            .empty());  // AWS's documentation example
  CHECK(types_in(find_tokens,
                 "id=AKIAIOSFODNN7Q2X3Z4W\n1\n2\n3\n4\n5\n6\nkey=wJalrXUtnFEMI/K7MDENG/"
                 "bPxRfiCYEXAMPLEKEY\n")
            .empty());  // too far
}

TEST_CASE("Private keys: unencrypted PEM and OpenSSH, not encrypted ones", "[unit][privacy]") {
  const std::string blob_none =
      std::string("openssh-key-v1\0", 15) + std::string("\0\0\0\4none", 8);
  const std::string blob_aes =
      std::string("openssh-key-v1\0", 15) + std::string("\0\0\0\12aes256-ctr", 14);
  CHECK(openssh_cipher(blob_none) == "none");
  CHECK(openssh_cipher(blob_aes) == "aes256-ctr");
  CHECK(openssh_cipher("garbage").empty());
  CHECK(openssh_cipher(std::string("openssh-key-v1\0\0\0\0\xff", 19)).empty());
  CHECK(types_in(find_private_keys,
                 "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: "
                 "AES-128-CBC,00\n\nMIIB\n"
                 "-----END RSA PRIVATE KEY-----\n")
            .empty());
  CHECK(
      types_in(find_private_keys,
               "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n")
          .empty());
  CHECK(types_in(find_private_keys,
                 "-----BEGIN PRIVATE KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOC\n-----END PRIVATE "
                 "KEY-----\n") == std::vector<std::string>{"pem_private_key@1"});
  CHECK(types_in(find_private_keys, "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\n") ==
        std::vector<std::string>{"putty_private_key@1"});
}

TEST_CASE("Config secrets and credential files", "[unit][privacy]") {
  CHECK(types_in(find_database_urls,
                 "a\nmongodb+srv://u:p4ss@h/db mysql://u@h/db redis://:${P}@h\n") ==
        std::vector<std::string>{"database_url@2"});
  CHECK(types_in(find_jwt_secrets,
                 "\"jwtSecret\": \"abcdefgh12\",\njwt_issuer: me\nJWT_SECRET=short\n") ==
        std::vector<std::string>{"jwt_secret@1"});
  CHECK(credential_file_kind("/home/a/.kube/config", "config") == CredentialFile::kubeconfig);
  CHECK(credential_file_kind("/etc/app/config", "config") == CredentialFile::none);
  CHECK(credential_file_kind("/srv/.env.production", ".env.production") == CredentialFile::env);
  CHECK(credential_file_kind("/root/.zsh_history", ".zsh_history") ==
        CredentialFile::shell_history);
  Hits hits;
  find_in_credential_file(CredentialFile::pgpass, "h\\:x:5432:*:u:p\\:w\nh:1:2:3:\n", hits);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].value == "p\\:w");
  CHECK(is_real_value("x"));
  CHECK_FALSE(is_real_value("  "));
  CHECK_FALSE(is_real_value("****"));
  CHECK_FALSE(is_real_value("<password>"));
  CHECK_FALSE(is_real_value("{{ vault_password }}"));
  CHECK_FALSE(is_real_value("Password"));
  CHECK(is_real_value("Password1"));
}

TEST_CASE("Personal data: cards by prefix, length and Luhn, IBANs by length and mod 97",
          "[unit][privacy]") {
  CHECK(card_brand("4111111111111111") == "visa");
  CHECK(card_brand("5555555555554444") == "mastercard");
  CHECK(card_brand("2223003122003222") == "mastercard");
  CHECK(card_brand("6011111111111117") == "discover");
  CHECK(card_brand("3530111333300000") == "jcb");
  CHECK(card_brand("30569309025904") == "diners");
  CHECK(card_brand("9111111111111111").empty());
  CHECK(iban_length("DE") == 22);
  CHECK(iban_length("ZZ") == 0);
  CHECK(types_in(find_personal_data, "5555-5555-5555-4444\ncard: 4111111111111111\n") ==
        std::vector<std::string>{"mastercard@1", "visa@2"});
  CHECK(types_in(find_personal_data, "name,pan\nx\ny\nann,4111111111111111\n")
            .empty());  // no keyword near, none in the header either
  CHECK(types_in(find_personal_data, "name,Credit_Card\n1\n2\n3\nann,4111111111111111\n") ==
        std::vector<std::string>{"visa@5"});  // the header names it
  CHECK(types_in(find_personal_data,
                 "id 4111111111111111\n0.4111111111111111 4111 1111 1111 "
                 "1111.5\n")
            .empty());  // unseparated without a keyword; decimals
  CHECK(
      types_in(find_personal_data, "id 14111111111111111 x4111111111111111 5555--5555-5555-4444\n")
          .empty());
  CHECK(types_in(find_personal_data, "IBAN: GB82 WEST 1234 5698 7654 32.\n") ==
        std::vector<std::string>{"iban@1"});
  CHECK(types_in(find_personal_data, "XGB82WEST12345698765432 GB82WEST123456987654329\n").empty());
}

TEST_CASE("Severity comes from exposure", "[unit][privacy]") {
  using zt::model::Severity;
  CHECK(exposure_of(0644) == Exposure::world);
  CHECK(exposure_of(0640) == Exposure::group);
  CHECK(exposure_of(0600) == Exposure::owner);
  CHECK(exposure_of(0644, false, false) == Exposure::owner);  // in a 0700 folder
  CHECK(exposure_of(0644, false, true) == Exposure::group);   // in a 0750 folder
  CHECK(exposure_of(0604, true, false) == Exposure::world);
  CHECK(severity_of("api_token", Exposure::world) == Severity::critical);
  CHECK(severity_of("api_token", Exposure::group) == Severity::high);
  CHECK(severity_of("api_token", Exposure::owner) == Severity::medium);
  CHECK(severity_of("payment_card_number", Exposure::world) == Severity::high);
  CHECK(severity_of("payment_card_number", Exposure::group) == Severity::medium);
}

TEST_CASE("The scanners on fuzzed text", "[unit][privacy]") {
  const std::string seed =
      "github ghp_0123456789abcdefghijABCDEFGHIJ000000\nAKIAIOSFODNN7EXAMPLE\n"
      "key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nAccountKey=aGVsbG8=\n"
      "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n"
      "-----END OPENSSH PRIVATE KEY-----\nPuTTY-User-Key-File-2: x\nEncryption: none\n"
      "postgres://u:p@h/db\njwt_secret: abcdefghij\n4111 1111 1111 1111 DE89 3704 0044 0532 0130 "
      "00\n"
      "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\"}\n";
  zt::test::fuzz_text(seed, [](std::string_view text) {
    Hits hits;
    find_tokens(text, hits);
    find_private_keys(text, hits);
    find_database_urls(text, hits);
    find_jwt_secrets(text, hits);
    find_personal_data(text, hits);
    for (const CredentialFile kind :
         {CredentialFile::env, CredentialFile::shell_history, CredentialFile::pgpass,
          CredentialFile::my_cnf, CredentialFile::netrc, CredentialFile::git_credentials,
          CredentialFile::kubeconfig, CredentialFile::docker_config})
      find_in_credential_file(kind, text, hits);
    for (const Hit& hit : hits) {
      CHECK(hit.line >= 1);
      CHECK(hit.value.data() >= text.data());
      CHECK(hit.value.data() + hit.value.size() <= text.data() + text.size());
    }
  });
}
