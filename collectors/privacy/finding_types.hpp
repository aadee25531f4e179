#pragma once
// The privacy collector's finding types: the one table of what it reports. A finding's
// identity is (location, data_type, finding_type): location is "path:line".
//
// | finding_type            | data_type (examples)                       | fires when            |
// |-------------------------|--------------------------------------------|-----------------------|
// | cloud_credential        | aws_access_key, gcp_service_account_key,   | a cloud key with the  |
// |                         | azure_storage_key                          | secret that uses it   |
// | api_token               | github_token, gitlab_token, slack_token,   | a token of a known    |
// |                         | stripe_secret_key, sendgrid_api_key,       | shape (checksum       |
// |                         | npm_token, pypi_token                      | checked where it has  |
// |                         |                                            | one)                  |
// | unprotected_private_key | pem_private_key, openssh_private_key,      | a private key without |
// |                         | putty_private_key                          | a passphrase          |
// | jwt_signing_secret      | jwt_secret                                 | JWT_SECRET=… in config|
// | stored_password         | database_url, env_password, pgpass,        | a password or token   |
// |                         | mysql_config, netrc, git_credentials,      | written in a file     |
// |                         | docker_registry_auth, kubeconfig_token,    |                       |
// |                         | kubeconfig_client_key, shell_history       |                       |
// | payment_card_number     | visa, mastercard, amex, discover, jcb,     | a Luhn-valid number   |
// |                         | diners                                     | in a file others read |
// | bank_account_number     | iban                                       | a mod-97-valid IBAN in|
// |                         |                                            | a file others read    |
//
// Severity comes from exposure (report.hpp's exposure_of: the file's mode, and whether its
// folders let others through): a secret in a world-readable file is critical, group-readable
// high, readable by its owner only (0600, or any mode in a 0700 home) medium; personal data
// is reported only where others can read it: world-readable high, group-readable medium.
#include <string_view>

namespace zt::privacy::finding_type {

inline constexpr std::string_view kCloudCredential = "cloud_credential";
inline constexpr std::string_view kApiToken = "api_token";
inline constexpr std::string_view kUnprotectedPrivateKey = "unprotected_private_key";
inline constexpr std::string_view kJwtSigningSecret = "jwt_signing_secret";
inline constexpr std::string_view kStoredPassword = "stored_password";
inline constexpr std::string_view kPaymentCardNumber = "payment_card_number";
inline constexpr std::string_view kBankAccountNumber = "bank_account_number";

// Personal data (reported only where others can read it) as opposed to secrets.
inline bool is_personal_data(std::string_view type) {
  return type == kPaymentCardNumber || type == kBankAccountNumber;
}

}  // namespace zt::privacy::finding_type
