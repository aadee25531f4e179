#include "collectors/ai_ml/ai_ml_collector.hpp"

#include "collectors/ai_ml/ai_ml_options.hpp"
#include "collectors/ai_ml/file_detectors.hpp"
#include "collectors/ai_ml/host_paths.hpp"
#include "collectors/ai_ml/live_checks.hpp"
#include "collectors/ai_ml/report.hpp"
#include "collectors/core/content_collector.hpp"
#include "collectors/core/host_salt.hpp"
#include "collectors/core/host_sockets.hpp"
#include "collectors/core/proc_paths.hpp"
#include "collectors/readers/home_folder.hpp"

namespace zt::ai_ml {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;

constexpr std::string_view kNotContacted = "its model servers are not contacted";

// The settings of the Jupyter configuration files the server reads: --config's, else those
// of its user's ~/.jupyter (a .json after its .py). Unreadable files are problems.
JupyterSettings jupyter_files(const HostFs& fs, const MlService& service,
                              std::vector<std::string>& problems) {
  std::vector<std::string> paths;
  if (std::string config = jupyter_config_argument(service.process.arguments); !config.empty()) {
    paths.push_back(std::move(config));
  } else if (std::string home = readers::home_of(fs, service.process.user); !home.empty()) {
    for (std::string_view name : kJupyterConfigNames)
      paths.push_back(home + "/" + std::string(kJupyterConfigFolder) + "/" + std::string(name));
  }
  JupyterSettings merged;
  for (const std::string& path : paths) {
    auto text = fs.read_file(path, kJupyterConfigMaxBytes);
    if (!text) {
      if (!fs.is_missing(path))
        problems.push_back("Jupyter configuration: " + text.error().message);
      continue;
    }
    JupyterSettings file =
        path.ends_with(".json") ? parse_jupyter_config_json(*text) : parse_jupyter_config_py(*text);
    file.config_files = {path};
    file.fill_from(merged);  // a later file wins
    merged = std::move(file);
  }
  return merged;
}

class AiMlCollector final : public collector::ContentCollector {
 public:
  AiMlCollector(AiMlOptions options, std::unique_ptr<collector::LiveChecker> checker)
      : options_(std::move(options)),
        walk_(options_.walk_options(options_.scan_files)),
        checker_(std::move(checker)) {}

  Availability capabilities(const HostFs& fs) const override {
    std::string what;
    if (options_.scan_files)
      what = "model files and MCP configurations under " + std::to_string(options_.roots.size()) +
             " roots";
    if (options_.check_services) {
      if (!what.empty()) what += ", ";
      what +=
          fs.is_missing(collector::kTcpTablePath)
              ? "no model servers (no " + fs.describe(collector::kTcpTablePath) + ")"
              : "model servers and notebooks; " +
                    collector::live_capability(fs, *checker_, options_.live_checks, kNotContacted);
    }
    return {true, what.empty() ? "nothing enabled" : what};
  }

  const collector::WalkOptions& walk_options() const override { return walk_; }

  // The services are read here, before the walk: this is the one call of a run with its Context.
  std::vector<collector::FileDetector*> start_content_run(const Context& context) override {
    snapshot_ = Snapshot{};
    problems_.clear();
    detectors_.clear();
    if (options_.check_services) read_services(context);
    if (!options_.scan_files) return {};
    const HostFs& fs = context.fs();
    detectors_.push_back(std::make_unique<ModelFileDetector>(
        snapshot_, fs, static_cast<std::size_t>(options_.max_model_megabytes) << 20));
    detectors_.push_back(
        std::make_unique<McpConfigDetector>(snapshot_, collector::host_salt(fs, "").value));
    return collector::detector_pointers(detectors_);
  }

  CollectResult finish_content_run(const collector::WalkProgress& progress) override {
    CollectResult result;
    snapshot_.walk = progress;
    result.findings = make_findings(snapshot_);
    result.inventory = make_inventory(snapshot_);
    if (options_.scan_files) result.problems = collector::walk_problems(progress);
    for (std::string& p : problems_) result.problems.push_back(std::move(p));
    detectors_.clear();  // they hold the run's HostFs
    snapshot_ = Snapshot{};
    return result;
  }

 private:
  void read_services(const Context& context) {
    const HostFs& fs = context.fs();
    if (fs.is_missing(collector::kTcpTablePath)) return;
    collector::HostSockets host = collector::read_host_sockets(context);
    for (std::string& p : host.problems) problems_.push_back(std::move(p));
    snapshot_.services = discover_services(host.listeners);
    snapshot_.live = collector::plan_live_checks(fs, *checker_, options_.live_checks,
                                                 options_.live_timeout, kNotContacted);
    for (MlService& service : snapshot_.services) {
      if (service.kind == ServiceKind::jupyter)
        service.jupyter.fill_from(jupyter_files(fs, service, problems_));
      if (snapshot_.live.enabled && !context.should_stop())
        check_service(service, *checker_,
                      collector::time_for_check(context, options_.live_timeout));
    }
  }

  AiMlOptions options_;
  collector::WalkOptions walk_;
  std::unique_ptr<collector::LiveChecker> checker_;
  Snapshot snapshot_;  // the run's, between its start and its finish
  std::vector<std::string> problems_;
  std::vector<std::unique_ptr<collector::FileDetector>> detectors_;
};

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return make_collector(values, collector::make_system_checker());
}

}  // namespace

std::unique_ptr<collector::Collector> make_collector(
    const collector::OptionValues& values, std::unique_ptr<collector::LiveChecker> checker) {
  return std::make_unique<AiMlCollector>(AiMlOptions::from(values), std::move(checker));
}

collector::CollectorDescriptor descriptor() {
  return {
      .name = "ai_ml",
      .category = model::Category::ai_ml,
      .default_interval = std::chrono::seconds{86400},
      .summary =
          "model files whose pickles run code when loaded, AI assistants' MCP servers "
          "with plain-text credentials, shells or the whole filesystem, and model "
          "servers and notebooks open without authentication (Jupyter, Ollama, vLLM, "
          "llama.cpp, TorchServe, MLflow, Ray)",
      .options = option_specs(),
      .make = &make,
  };
}

}  // namespace zt::ai_ml
