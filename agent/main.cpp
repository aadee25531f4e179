// zerotrace-agent: the daemon and its one-shot scan. See cli.cpp for the options and exit
// codes.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <spdlog/spdlog.h>

#include "agent/daemon.hpp"
#include "agent/effective_config.hpp"
#include "agent/list_collectors.hpp"
#include "agent/logging.hpp"
#include "agent/one_shot.hpp"
#include "collectors/builtin.hpp"

namespace {

using namespace zt::agent;

// Ends the process. If a collector thread was abandoned it may still be running: skip the
// static destructors it could race with.
[[noreturn]] void finish(int code, bool abandoned_threads) {
  std::fflush(stdout);
  spdlog::shutdown();
  if (abandoned_threads) std::_Exit(code);
  std::exit(code);
}

int run(const CliOptions& cli) {
  const auto descriptors = zt::collector::builtin_collectors();
  const zt::config::EnvLookup env = zt::config::process_environment();
  auto config = effective_config(cli, descriptors, env);
  if (!config) {
    std::fprintf(stderr, "zerotrace-agent: invalid configuration:\n%s\n",
                 config.error().message.c_str());
    return static_cast<int>(ExitCode::usage);
  }
  init_logging(config->agent.log_level);
  if (cli.check_config) {
    std::printf("configuration OK: %s\n", config->source.c_str());
    return 0;
  }
  if (cli.list_collectors) {
    list_collectors(std::cout, *config, descriptors);
    return 0;
  }
  if (cli.once) return static_cast<int>(run_once(*config, cli, descriptors));

  DaemonHooks hooks;
  hooks.reload = [cli, descriptors, env] { return effective_config(cli, descriptors, env); };
  // Delivery to the server (spool and uploader) is the transport's; until it is wired in,
  // each batch is logged (daemon.cpp) and nothing else.
  hooks.on_batch = [](const zt::model::Batch&) {};
  Daemon daemon(std::move(config.value()), descriptors, std::move(hooks));
  const int code = daemon.run();
  finish(code, daemon.has_abandoned_runs());
}

}  // namespace

int main(int argc, char** argv) {
  auto parsed = parse_cli(argc, argv);
  if (auto* code = std::get_if<ExitCode>(&parsed)) return static_cast<int>(*code);
  const int code = run(std::get<CliOptions>(parsed));
  finish(code, false);
}
