#pragma once
// The collector interface. A collector is described once (CollectorDescriptor: name,
// category, default interval, its options table and a factory) and made from its validated
// options. `collect` may be called again and again, never twice at once. What it cannot read
// is a problem of its result, not an exception; the agent's CollectorRunner does the rest
// once for every collector: it catches anything that escapes (the run is "failed" with the
// message), makes every string of the result valid UTF-8, and abandons a run that overruns
// its deadline; a long loop should check Context::should_stop().
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/host_fs.hpp"
#include "collectors/core/options.hpp"
#include "schema-client/model/config_file.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::collector {

// Whether a collector can run on this host, and if not, why not.
struct Availability {
  bool usable = false;
  std::string reason;  // why not; or, when usable, what it found ("dpkg database")
};

struct CollectResult {
  std::vector<model::Finding> findings;
  std::vector<model::Dependency> dependencies;
  // Every configuration file a config auditor read (netconfig): the batch's config_files.
  std::vector<model::ConfigFile> config_files;
  // What the collector saw (OS identity, containers, …): lands in scan.results.<name>.
  nlohmann::json inventory = nlohmann::json::object();
  // Parts that could not be read: the run is "partial" and these are its errors.
  std::vector<std::string> problems;
};

class ContentWalkHub;  // content_collector.hpp

class Context {
 public:
  // `content_walk`: the hub through which content collectors share one walk of this host's
  // files (content_collector.hpp); without one, a content collector walks alone.
  Context(const HostFs& fs, std::chrono::steady_clock::time_point deadline,
          std::stop_token stop, std::shared_ptr<ContentWalkHub> content_walk = nullptr)
      : fs_(fs), deadline_(deadline), stop_(std::move(stop)),
        content_walk_(std::move(content_walk)) {}

  const HostFs& fs() const { return fs_; }
  const std::shared_ptr<ContentWalkHub>& content_walk() const { return content_walk_; }
  std::chrono::steady_clock::time_point deadline() const { return deadline_; }
  bool should_stop() const {
    return stop_.stop_requested() || std::chrono::steady_clock::now() >= deadline_;
  }
  // should_stop(), recording in `problems` which step the run did not get to.
  bool stopped_before(std::string_view next_step, std::vector<std::string>& problems) const {
    if (!should_stop()) return false;
    problems.push_back("stopped before reading the " + std::string(next_step) +
                       ": deadline passed or shutdown requested");
    return true;
  }

 private:
  const HostFs& fs_;
  std::chrono::steady_clock::time_point deadline_;
  std::stop_token stop_;
  std::shared_ptr<ContentWalkHub> content_walk_;
};

class Collector {
 public:
  virtual ~Collector() = default;
  virtual Availability capabilities(const HostFs& fs) const = 0;
  virtual CollectResult collect(Context& context) = 0;
};

struct CollectorDescriptor {
  std::string_view name;  // folder, namespace, CMake target and config key
  model::Category category;
  std::chrono::seconds default_interval;
  std::string_view summary;
  std::span<const OptionSpec> options;
  std::unique_ptr<Collector> (*make)(const OptionValues& options);
  // What only the collector can check in its options, for `--check-config` (compliance: that
  // its rule packs load): every problem, each naming where it is; nullptr when nothing.
  std::vector<std::string> (*validate)(const OptionValues& options) = nullptr;
};

}  // namespace zt::collector
