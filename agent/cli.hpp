#pragma once
// The command line of zerotrace-agent (CLI11). parse_cli prints --help, --version and usage
// errors itself and then returns the exit code to end with.
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "schema-client/model/severity.hpp"

namespace zt::agent {

enum class ExitCode : int {
  ok = 0,
  failure = 1,        // the scan or the daemon could not do its job
  usage = 2,          // bad command line or bad configuration
  findings_at_or_above_threshold = 3,  // --fail-on
};

enum class OutputFormat { table, json };

struct CliOptions {
  bool once = false;
  bool check_config = false;
  bool list_collectors = false;
  std::optional<std::filesystem::path> config;
  std::optional<std::filesystem::path> host_root;
  std::optional<std::vector<std::string>> collectors;
  OutputFormat format = OutputFormat::table;
  std::optional<std::filesystem::path> output;
  std::optional<model::Severity> fail_on;
  std::vector<std::filesystem::path> vuln_db;  // --vuln-db, in the order given
  // --netconfig-path: replaces collectors.netconfig.paths for this one-shot scan.
  std::vector<std::filesystem::path> netconfig_paths;
};

std::variant<CliOptions, ExitCode> parse_cli(int argc, const char* const* argv);

}  // namespace zt::agent
