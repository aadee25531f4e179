#include "agent/cli.hpp"

#include <CLI/CLI.hpp>

#include "agent/version.hpp"

namespace zt::agent {

namespace {

constexpr const char* kFooter = R"(Exit codes:
  0  success (with --once: the scan ran; with --check-config: the config is valid)
  1  failure: the scan produced nothing, the report could not be written, or the daemon failed
  2  bad command line or bad configuration (the message names the file, line and key)
  3  --once --fail-on SEVERITY: a finding at or above SEVERITY was found

Without --once the agent runs as a daemon in the foreground (for systemd): SIGTERM stops it,
SIGHUP reloads the configuration (a bad new configuration is refused and the old one kept),
SIGUSR1 runs every collector now. With server.url set, each scan is spooled under state_dir
and uploaded; without it, scans are only logged.
Environment: ZEROTRACE_SERVER_URL, ZEROTRACE_SERVER_ENROLLMENT_TOKEN, ZEROTRACE_SERVER_API_KEY,
ZEROTRACE_SERVER_CA_FILE, ZEROTRACE_SERVER_PROXY and ZEROTRACE_AGENT_HOST_ROOT override the
configuration file.)";

}  // namespace

std::variant<CliOptions, ExitCode> parse_cli(int argc, const char* const* argv) {
  CliOptions options;
  CLI::App app{"ZeroTrace endpoint scanning agent", "zerotrace-agent"};
  app.footer(kFooter);
  app.set_version_flag("--version", std::string("zerotrace-agent ") + kVersion);

  std::string format = "table";
  std::string fail_on;
  std::string collectors;
  std::string config, host_root, output;
  app.add_flag("--once", options.once, "Run one scan of this host, print the report and exit");
  app.add_option("--config", config,
                 "Configuration file (default: /etc/zerotrace/agent.yaml when it exists, "
                 "else built-in defaults)");
  app.add_option("--host-root", host_root,
                 "Read the host's files under DIR (e.g. /host in a container)");
  app.add_option("--collectors", collectors,
                 "Comma-separated collectors to run (default: every enabled one)");
  app.add_option("--format", format, "Report format for --once")
      ->check(CLI::IsMember({"table", "json"}));
  app.add_option("--output", output, "Write the report to FILE (mode 0600) instead of stdout");
  app.add_option("--fail-on", fail_on,
                 "With --once: exit 3 when a finding at or above SEVERITY was found")
      ->check(CLI::IsMember({"critical", "high", "medium", "low", "info"}));
  app.add_option("--vuln-db", options.vuln_db,
                 "With --once: match the installed packages against this vulnerability data "
                 "(an OSV folder or all.zip; NVD/CVE 5 records, the CISA KEV catalog, EPSS "
                 "scores); repeat for several")
      ->take_all();
  app.add_option("--netconfig-path", options.netconfig_paths,
                 "With --once: audit these device configuration files or folders instead of "
                 "collectors.netconfig.paths (host paths); repeat for several");
  app.add_flag("--list-collectors", options.list_collectors,
               "List the collectors, whether each can run on this host, and why not");
  app.add_flag("--check-config", options.check_config,
               "Validate the configuration and exit 0 (valid) or 2 (invalid)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? ExitCode::ok : ExitCode::usage;
  }
  if (!config.empty()) options.config = config;
  if (!host_root.empty()) options.host_root = host_root;
  if (!output.empty()) options.output = output;
  if (!fail_on.empty()) options.fail_on = model::parse_severity(fail_on);
  options.format = format == "json" ? OutputFormat::json : OutputFormat::table;
  if (!collectors.empty()) {
    std::vector<std::string> names;
    std::size_t pos = 0;
    while (pos <= collectors.size()) {
      const std::size_t comma = std::min(collectors.find(',', pos), collectors.size());
      if (comma > pos) names.push_back(collectors.substr(pos, comma - pos));
      pos = comma + 1;
    }
    options.collectors = std::move(names);
  }
  const bool scan_only =
      options.output || options.fail_on || format != "table" || !options.vuln_db.empty() ||
                         !options.netconfig_paths.empty();
  if (scan_only && !options.once) {
    std::fprintf(stderr,
                 "--format, --output, --fail-on, --vuln-db and --netconfig-path apply to --once "
                 "only\n");
    return ExitCode::usage;
  }
  return options;
}

}  // namespace zt::agent
