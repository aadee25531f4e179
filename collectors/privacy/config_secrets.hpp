#pragma once
// Secrets written in configuration and credential files, found line by line. Pure.
//
// In any text: database URLs with a password (postgres://user:pass@…, mysql, mariadb,
// mongodb, redis, amqp) and JWT signing secrets (a key naming jwt and secret/key:
// JWT_SECRET=…, jwt_secret: …, "jwtSecret": "…").
// In files known by their name (credential_file_kind): .env files (a key naming a password,
// secret or token), shell histories (export …_TOKEN= / _SECRET= / _PASSWORD= / _KEY=),
// .pgpass, .my.cnf (password=), .netrc (password), .git-credentials (scheme://user:token@),
// kubeconfig (token:, client-key-data:), Docker's config.json ("auth": base64 user:password).
// Empty values and placeholders ($VAR, ${VAR}, <…>, {{…}}, ****, "password", "changeme")
// give nothing.
#include <string_view>

#include "collectors/privacy/hit.hpp"

namespace zt::privacy {

enum class CredentialFile {
  none,
  env,
  shell_history,
  pgpass,
  my_cnf,
  netrc,
  git_credentials,
  kubeconfig,
  docker_config
};

CredentialFile credential_file_kind(std::string_view host_path, std::string_view name);

void find_database_urls(std::string_view text, Hits& hits);
void find_jwt_secrets(std::string_view text, Hits& hits);
void find_in_credential_file(CredentialFile kind, std::string_view text, Hits& hits);

// Whether a configured value is a real value rather than empty or a placeholder.
bool is_real_value(std::string_view value);

}  // namespace zt::privacy
