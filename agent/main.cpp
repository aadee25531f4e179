// zerotrace-agent: the daemon and its one-shot scan. See cli.cpp for the options and exit
// codes.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <spdlog/spdlog.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "agent/check_config.hpp"
#include "agent/daemon.hpp"
#include "agent/effective_config.hpp"
#include "agent/list_collectors.hpp"
#include "agent/logging.hpp"
#include "agent/one_shot.hpp"
#include "agent/service_manager.hpp"
#include "agent/uploads.hpp"
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

struct Outcome {
  int code = 0;
  bool abandoned_threads = false;
};

Outcome run(const CliOptions& cli) {
  const auto descriptors = zt::collector::builtin_collectors();
  const zt::config::EnvLookup env = zt::config::process_environment();
  auto config = effective_config(cli, descriptors, env);
  if (!config) {
    std::fprintf(stderr, "zerotrace-agent: invalid configuration:\n%s\n",
                 config.error().message.c_str());
    return {static_cast<int>(ExitCode::usage)};
  }
  init_logging(config->agent.log_level);
  if (cli.check_config) {
    const std::vector<std::string> problems = collector_problems(*config, descriptors);
    if (!problems.empty()) {
      std::fprintf(stderr, "zerotrace-agent: invalid configuration (%s):\n", config->source.c_str());
      for (const std::string& problem : problems) std::fprintf(stderr, "%s\n", problem.c_str());
      return {static_cast<int>(ExitCode::usage)};
    }
    std::printf("configuration OK: %s\n", config->source.c_str());
    return {};
  }
  if (cli.list_collectors) {
    list_collectors(std::cout, *config, descriptors);
    return {};
  }
  if (cli.once) return {static_cast<int>(run_once(*config, cli, descriptors))};

  auto info = std::make_shared<AgentInfoSource>();
  auto uploads = Uploads::create(*config, info);
  if (!uploads) {
    std::fprintf(stderr, "zerotrace-agent: cannot start uploads: %s\n",
                 uploads.error().message.c_str());
    return {static_cast<int>(ExitCode::usage)};
  }
  DaemonHooks hooks;
  hooks.reload = [cli, descriptors, env] { return effective_config(cli, descriptors, env); };
  hooks.on_batch = [&uploads](const zt::model::Batch& batch) { (*uploads)->submit(batch); };
  hooks.on_configured = [&uploads](const AgentConfig& next) {
    if (zt::model::Status applied = (*uploads)->apply(next); !applied)
      logger("agent")->error("the new server or upload settings are refused, the previous "
                             "ones stay: {}",
                             applied.error().message);
  };
  hooks.on_stopping = [&uploads] { (*uploads)->request_stop(); };
  hooks.upload_status = [&uploads] { return (*uploads)->status(); };
  Daemon daemon(std::move(config.value()), descriptors, std::move(hooks), info);
  const int code = daemon.run();
  (*uploads)->stop();
  return {code, daemon.has_abandoned_runs()};
}

// One malloc arena for the process: glibc gives each thread that allocates its own arena,
// which keeps the pages a collector freed (9 MiB of a compliance run's 37 MiB peak), and the
// agent's few threads hardly contend for one.
void limit_malloc_arenas() {
#if defined(__GLIBC__)
  mallopt(M_ARENA_MAX, 1);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  limit_malloc_arenas();
  auto parsed = parse_cli(argc, argv);
  if (auto* code = std::get_if<ExitCode>(&parsed)) return static_cast<int>(*code);
  const CliOptions& cli = std::get<CliOptions>(parsed);
  Outcome outcome;
  const auto run_it = [&] {
    outcome = run(cli);
    return outcome.code;
  };
  // Only the daemon can be a service. A one-shot command never asks the service manager:
  // under Wine, a console process that asks while a service is starting takes that service's
  // place (and its exit code was lost).
  const bool one_shot = cli.once || cli.check_config || cli.list_collectors;
  const int code = one_shot ? run_it() : run_as_service(run_it);
  finish(code, outcome.abandoned_threads);
}
