#include "collectors/privacy/privacy_collector.hpp"

#include "collectors/core/content_collector.hpp"
#include "collectors/privacy/privacy_options.hpp"
#include "collectors/privacy/report.hpp"
#include "collectors/core/host_salt.hpp"
#include "collectors/privacy/secret_detector.hpp"

namespace zt::privacy {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;

class PrivacyCollector final : public collector::ContentCollector {
 public:
  explicit PrivacyCollector(PrivacyOptions options)
      : options_(std::move(options)), walk_(options_.walk_options()), detector_(options_) {}

  Availability capabilities(const HostFs& fs) const override {
    std::string found;
    for (const std::string& root : options_.roots)
      if (fs.exists(root)) found += (found.empty() ? "" : ", ") + root;
    if (found.empty()) return {false, "none of the roots to walk exists"};
    return {true, found};
  }

  const collector::WalkOptions& walk_options() const override { return walk_; }

  std::vector<collector::FileDetector*> start_content_run(const Context& context) override {
    collector::Salt salt = collector::host_salt(context.fs(), options_.hash_salt);
    salt_source_ = std::move(salt.source);
    detector_.start(std::move(salt.value));
    return {&detector_};
  }

  CollectResult finish_content_run(const collector::WalkProgress& progress) override {
    Snapshot snapshot;
    snapshot.found = std::move(detector_.found());
    snapshot.files_scanned = detector_.files_scanned();
    snapshot.findings_dropped = detector_.dropped();
    snapshot.walk = progress;
    snapshot.salt_source = salt_source_;
    CollectResult result;
    result.findings = make_findings(snapshot);
    result.inventory = make_inventory(snapshot);
    result.problems = collector::walk_problems(progress);
    if (snapshot.findings_dropped > 0)
      result.problems.push_back(std::to_string(snapshot.findings_dropped) +
                                " findings beyond max_findings were not reported");
    return result;
  }

 private:
  PrivacyOptions options_;
  collector::WalkOptions walk_;
  SecretDetector detector_;
  std::string salt_source_;
};

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return std::make_unique<PrivacyCollector>(PrivacyOptions::from(values));
}

}  // namespace

collector::CollectorDescriptor descriptor() {
  return {
      .name = "privacy",
      .category = model::Category::privacy,
      .default_interval = std::chrono::seconds{86400},
      .summary =
          "secrets (cloud keys, API tokens, unprotected private keys, passwords in config and "
          "credential files) and personal data (card numbers, IBANs) left in files",
      .options = option_specs(),
      .make = &make,
  };
}

}  // namespace zt::privacy
