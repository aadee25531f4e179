#include "ingest/cli.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <filesystem>
#include <iostream>

#include "ingest/admin.hpp"
#include "ingest/feeds_cli.hpp"
#include "ingest/serve.hpp"

namespace zt::ingest {
namespace {

constexpr const char* kDefaultConfig = "/etc/zerotrace/ingest.yaml";

model::Result<IngestConfig> effective_config(const std::string& file,
                                             const config::EnvLookup& env) {
  if (!file.empty()) return load_ingest_config(file, env);
  std::error_code ec;
  if (std::filesystem::exists(kDefaultConfig, ec)) return load_ingest_config(kDefaultConfig, env);
  return default_ingest_config(env);
}

// HOST:PORT or [IPv6]:PORT.
bool parse_listen(const std::string& text, IngestConfig::Listen& listen) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  const char* begin = text.data() + colon + 1;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(begin, end, port);
  if (ec != std::errc() || ptr != end || port > 65535) return false;
  listen = {host, static_cast<unsigned short>(port)};
  return true;
}

void init_logging(const std::string& level) {
  auto logger = spdlog::stderr_color_mt("zerotrace-ingest");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(level));
}

}  // namespace

int run_cli(int argc, const char* const* argv, const config::EnvLookup& env) {
  CLI::App app{"ZeroTrace ingest: authenticates agents and writes their finding batches into "
               "PostgreSQL"};
  app.require_subcommand(1);
  app.fallthrough();
  std::string config_file, database_url, format = "text", listen;
  app.add_option("--config", config_file, "Configuration file (default: " +
                                              std::string(kDefaultConfig) +
                                              " when it exists, else built-in defaults)");
  app.add_option("--database-url", database_url,
                 "PostgreSQL URL (overrides ZEROTRACE_DATABASE_URL and database.url)");
  app.add_option("--format", format, "Output of the admin commands")
      ->check(CLI::IsMember({"text", "json"}));
  app.set_version_flag("--version", std::string("zerotrace-ingest ") + ZT_VERSION);

  auto* migrate = app.add_subcommand("migrate", "Apply the schema migrations that are missing");
  auto* serve = app.add_subcommand("serve", "Run the ingest endpoint until SIGTERM");
  serve->add_option("--listen", listen, "HOST:PORT to listen on (overrides listen.*)");

  auto* company = app.add_subcommand("company", "Companies (tenants)")->require_subcommand(1);
  std::string company_name;
  auto* company_create = company->add_subcommand("create", "Create a company, print its id");
  company_create->add_option("NAME", company_name, "Company name")->required();
  auto* company_list = company->add_subcommand("list", "List companies");

  auto* token = app.add_subcommand("token", "Enrollment tokens")->require_subcommand(1);
  TokenRequest token_request;
  auto* token_create = token->add_subcommand("create", "Create an enrollment token (shown once)");
  token_create->add_option("--company", token_request.company_id, "Company id")->required();
  token_create->add_option("--max-uses", token_request.max_uses, "Enrollments it allows");
  token_create->add_option("--valid-days", token_request.valid_days, "Days until it expires");
  token_create->add_option("--description", token_request.description, "A note for operators");
  token_create->add_option("--for-agent", token_request.for_agent_id,
                           "A revoked agent of the company: enrolling from its machine with "
                           "this token restores it");
  std::optional<std::string> token_company;
  auto* token_list = token->add_subcommand("list", "List enrollment tokens (never the tokens)");
  token_list->add_option("--company", token_company, "Only this company's tokens");
  std::string token_id;
  auto* token_revoke = token->add_subcommand("revoke", "Refuse every later use of a token");
  token_revoke->add_option("ID", token_id, "Token id")->required();

  auto* agent = app.add_subcommand("agent", "Enrolled agents")->require_subcommand(1);
  std::optional<std::string> list_company;
  auto* agent_list = agent->add_subcommand("list", "List agents");
  agent_list->add_option("--company", list_company, "Only this company's agents");
  std::string agent_id, operator_by;
  auto* agent_revoke = agent->add_subcommand(
      "revoke", "Revoke an agent: its api key and its machine's enrollments are refused");
  agent_revoke->add_option("ID", agent_id, "Agent id")->required();
  auto* agent_restore =
      agent->add_subcommand("restore", "Lift a revocation: the agent's key and machine work again");
  agent_restore->add_option("ID", agent_id, "Agent id")->required();
  for (auto* command : {agent_revoke, agent_restore})
    command->add_option("--by", operator_by, "Who does it (default: the user running this)");

  std::string older_than;
  auto* prune = app.add_subcommand(
      "prune", "Delete old inventories (dependencies), keeping each agent's latest");
  prune->add_option("--older-than", older_than, "Age of the scans whose inventory goes (30d)")
      ->required();

  auto* feeds = app.add_subcommand("feeds", "Vulnerability feeds: OSV, Debian security tracker, "
                                               "NVD, CVE 5, CISA KEV, FIRST EPSS")
                    ->require_subcommand(1);
  FeedImportRequest feed_request;
  auto* feeds_import = feeds->add_subcommand(
      "import", "Import feed files, folders of OSV records or https:// URLs, by their content");
  feeds_import->add_option("PATH", feed_request.paths, "Feed file, folder or https:// URL")
      ->required();
  feeds_import->add_option("--ca-file", feed_request.ca_file,
                           "CA certificates (PEM) for https:// URLs (default: the system's)");
  feeds_import->add_flag("!--no-rematch", feed_request.rematch,
                         "Do not match the fleet again after the import");
  auto* feeds_status =
      feeds->add_subcommand("status", "Each feed source: its records and newest modification");
  auto* vulns = app.add_subcommand("vulns", "The fleet's vulnerabilities")->require_subcommand(1);
  auto* vulns_rematch = vulns->add_subcommand(
      "rematch", "Match every agent's latest inventory again against the stored feeds");
  std::string changed_since;
  vulns_rematch->add_option("--changed-since", changed_since,
                            "Only what the feeds changed since then (RFC 3339: "
                            "2026-12-07T10:00:00Z), as `feeds import` does after itself");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  auto loaded = effective_config(config_file, env);
  if (!loaded) {
    std::cerr << "zerotrace-ingest: invalid configuration:\n" << loaded.error().message << "\n";
    return 2;
  }
  IngestConfig config = std::move(*loaded);
  if (!database_url.empty()) config.database_url = config::Secret(database_url);
  if (!listen.empty() && !parse_listen(listen, config.listen)) {
    std::cerr << "zerotrace-ingest: --listen: expected HOST:PORT, got \"" << listen << "\"\n";
    return 2;
  }
  init_logging(config.log_level);

  const Format output = format == "json" ? Format::json : Format::text;
  const std::string& url = config.database_url.reveal();
  if (*migrate) return run_migrate(url, output);
  if (*serve) return run_serve(config);
  if (*company_create) return run_company_create(url, company_name, output);
  if (*company_list) return run_company_list(url, output);
  if (*token_create) return run_token_create(url, token_request, output);
  if (*token_list) return run_token_list(url, token_company, output);
  if (*token_revoke) return run_token_revoke(url, token_id, output);
  if (*agent_list)
    return run_agent_list(url, list_company, config.limits.heartbeat_interval, output);
  if (*agent_revoke) return run_agent_revoke(url, agent_id, operator_by, output);
  if (*agent_restore) return run_agent_restore(url, agent_id, operator_by, output);
  if (*prune) return run_prune(url, older_than, output);
  if (*feeds_import) return run_feeds_import(url, feed_request, output);
  if (*feeds_status) return run_feeds_status(url, output);
  if (*vulns_rematch) return run_vulns_rematch(url, changed_since, output);
  return 2;
}

}  // namespace zt::ingest
