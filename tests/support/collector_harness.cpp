#include "tests/support/collector_harness.hpp"

#include "collectors/core/utf8.hpp"

namespace zt::test {

collector::OptionValues options_of(const collector::CollectorDescriptor& descriptor,
                                   const nlohmann::json& overrides) {
  nlohmann::json values = collector::OptionValues::defaults(descriptor.options).as_json();
  values.update(overrides);
  return collector::OptionValues(std::move(values));
}

collector::CollectResult collect_at(collector::Collector& collector,
                                    const std::filesystem::path& root, std::stop_token stop,
                                    std::chrono::seconds timeout) {
  const collector::HostFs fs(root);
  collector::Context context(fs, std::chrono::steady_clock::now() + timeout, std::move(stop));
  collector::CollectResult result = collector.collect(context);
  collector::make_valid_utf8(result);
  return result;
}

}  // namespace zt::test
