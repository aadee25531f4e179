#include "collectors/compliance/compliance_collector.hpp"

#include "collectors/compliance/compliance_options.hpp"
#include "collectors/compliance/evaluator.hpp"
#include "collectors/compliance/pack_set.hpp"
#include "collectors/compliance/report.hpp"

namespace zt::compliance {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;

class ComplianceCollector final : public collector::Collector {
 public:
  explicit ComplianceCollector(ComplianceOptions options) : options_(std::move(options)) {}

  Availability capabilities(const HostFs&) const override {
    const PackSet set = load_pack_set(options_.pack_dirs, options_.packs);
    if (set.packs.empty() && set.errors.empty()) return {false, "no rule pack in the pack folders"};
    return {true, std::to_string(set.packs.size()) + " rule pack(s)"};
  }

  CollectResult collect(Context& context) override {
    CollectResult result;
    PackSet set = load_pack_set(options_.pack_dirs, options_.packs);
    result.problems = std::move(set.errors);
    std::optional<collector::OsRelease> os;
    if (auto read = collector::read_host_os_release(context.fs()))
      os = std::move(*read);
    else
      result.problems.push_back(read.error().message + "; every pack with a platform is "
                                "not_applicable");
    HostView host(context.fs());
    std::vector<ControlResult> results;
    std::vector<PackSummary> summaries;
    for (const Pack& pack : set.packs) {
      if (context.stopped_before("pack " + pack.id, result.problems)) break;
      std::vector<ControlResult> part = evaluate_pack(pack, os, options_.profiles, host);
      summaries.push_back({&pack, platform_matches(pack, os), part.size()});
      for (ControlResult& r : part) results.push_back(std::move(r));
    }
    for (const ControlResult& r : results) result.findings.push_back(make_finding(r));
    result.inventory = make_inventory(
        summaries, results, os ? os->id + " " + os->version_id : std::string("unknown"));
    return result;
  }

 private:
  ComplianceOptions options_;
};

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return std::make_unique<ComplianceCollector>(ComplianceOptions::from(values));
}

std::vector<std::string> validate(const collector::OptionValues& values) {
  const ComplianceOptions options = ComplianceOptions::from(values);
  return load_pack_set(options.pack_dirs, options.packs).errors;
}

}  // namespace

collector::CollectorDescriptor descriptor() {
  return {
      .name = "compliance",
      .category = model::Category::compliance,
      .default_interval = std::chrono::seconds{24 * 3600},
      .summary = "benchmark rule packs (CIS …) decided by typed probes over the host's files, "
                 "no command run; a result per control and a score per framework",
      .options = option_specs(),
      .make = &make,
      .validate = &validate,
  };
}

}  // namespace zt::compliance
