#include "collectors/privacy/report.hpp"

#include <cstdio>
#include <map>

#include "collectors/core/content_collector.hpp"
#include "collectors/privacy/finding_types.hpp"

namespace zt::privacy {
namespace {

using model::Severity;

std::string_view exposure_name(Exposure exposure) {
  switch (exposure) {
    case Exposure::world:
      return "world-readable";
    case Exposure::group:
      return "group-readable";
    case Exposure::owner:
      return "owner-only";
  }
  return "owner-only";
}

// How a data type is named in titles.
std::string_view label(std::string_view data_type) {
  static const std::map<std::string_view, std::string_view> kLabels{
      {"aws_access_key", "AWS access key with its secret"},
      {"gcp_service_account_key", "GCP service-account key"},
      {"azure_storage_key", "Azure storage account key"},
      {"github_token", "GitHub token"},
      {"gitlab_token", "GitLab token"},
      {"slack_token", "Slack token"},
      {"stripe_secret_key", "Stripe live secret key"},
      {"sendgrid_api_key", "SendGrid API key"},
      {"npm_token", "npm token"},
      {"pypi_token", "PyPI token"},
      {"pem_private_key", "PEM private key without a passphrase"},
      {"openssh_private_key", "OpenSSH private key without a passphrase"},
      {"putty_private_key", "PuTTY private key without a passphrase"},
      {"jwt_secret", "JWT signing secret"},
      {"database_url", "database URL with a password"},
      {"env_password", "password or secret in a .env file"},
      {"pgpass", "PostgreSQL password in .pgpass"},
      {"mysql_config", "MySQL password in .my.cnf"},
      {"netrc", "password in .netrc"},
      {"git_credentials", "token in .git-credentials"},
      {"docker_registry_auth", "Docker registry credentials"},
      {"kubeconfig_token", "Kubernetes bearer token in a kubeconfig"},
      {"kubeconfig_client_key", "Kubernetes client key in a kubeconfig"},
      {"shell_history", "secret exported in a shell history"},
      {"iban", "IBAN"},
  };
  const auto it = kLabels.find(data_type);
  return it == kLabels.end() ? data_type : it->second;
}

std::string remediation_of(std::string_view finding_type) {
  if (finding_type == finding_type::kPaymentCardNumber ||
      finding_type == finding_type::kBankAccountNumber)
    return "Remove the personal data from the file, or restrict it to its owner (chmod 600) "
           "and keep it where your data-protection policy allows.";
  if (finding_type == finding_type::kUnprotectedPrivateKey)
    return "Protect the key with a passphrase (ssh-keygen -p, openssl pkey -aes256) or move "
           "it to an agent or HSM, and keep it readable by its owner only (chmod 600).";
  return "Revoke or rotate the secret, remove it from the file (use a secret manager or an "
         "environment injected at run time), and keep credential files readable by their "
         "owner only (chmod 600).";
}

std::string octal(std::uint32_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", mode & 07777u);
  return text;
}

}  // namespace

Exposure exposure_of(std::uint32_t mode, bool others_can_reach, bool group_can_reach) {
  if ((mode & 004) && others_can_reach) return Exposure::world;
  if ((mode & 044) && group_can_reach) return Exposure::group;
  return Exposure::owner;
}

model::Severity severity_of(std::string_view finding_type, Exposure exposure) {
  if (finding_type::is_personal_data(finding_type))
    return exposure == Exposure::world ? Severity::high : Severity::medium;
  switch (exposure) {
    case Exposure::world:
      return Severity::critical;
    case Exposure::group:
      return Severity::high;
    case Exposure::owner:
      return Severity::medium;
  }
  return Severity::medium;
}

std::vector<model::Finding> make_findings(const Snapshot& snapshot) {
  std::vector<model::Finding> findings;
  for (const Found& f : snapshot.found) {
    const Exposure exposure = exposure_of(f.mode, f.others_can_reach, f.group_can_reach);
    const std::string location = f.path + ":" + std::to_string(f.line);
    model::Finding finding;
    finding.category = model::Category::privacy;
    finding.severity = severity_of(f.finding_type, exposure);
    finding.title = std::string(label(f.data_type)) + " in " + f.path;
    finding.description = std::string(label(f.data_type)) + " at " + location + ", in a " +
                          std::string(exposure_name(exposure)) + " file (mode " + octal(f.mode) +
                          ", owner uid " + std::to_string(f.uid) +
                          "). Evidence: " + f.evidence.masked + " (hash " + f.evidence.hash +
                          "); the value never leaves the host.";
    finding.remediation = remediation_of(f.finding_type);
    finding.fields = {
        {"finding_type", f.finding_type}, {"data_type", f.data_type}, {"location", location}};
    finding.metadata = {{"path", f.path},
                        {"line", f.line},
                        {"exposure", exposure_name(exposure)},
                        {"folders_let_others_through", f.others_can_reach},
                        {"mode", octal(f.mode)},
                        {"uid", f.uid},
                        {"gid", f.gid},
                        {"masked", f.evidence.masked},
                        {"hash", f.evidence.hash}};
    findings.push_back(std::move(finding));
  }
  return findings;
}

nlohmann::json make_inventory(const Snapshot& snapshot) {
  nlohmann::json by_type = nlohmann::json::object();
  for (const Found& f : snapshot.found) {
    auto& count = by_type[f.data_type];
    count = count.is_null() ? 1 : count.get<int>() + 1;
  }
  return {{"files_scanned", snapshot.files_scanned},
          {"found", by_type},
          {"findings_dropped", snapshot.findings_dropped},
          {"hash_salt_source", snapshot.salt_source},
          {"walk", collector::walk_progress_json(snapshot.walk)}};
}

}  // namespace zt::privacy
