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

std::set<std::string> findings_on_port(const collector::CollectResult& result,
                                       std::string_view id_field, unsigned short port) {
  std::set<std::string> out;
  const std::string suffix = ":" + std::to_string(port);
  for (const auto& f : result.findings) {
    const std::string id = f.fields.at(std::string(id_field));
    if (id.ends_with(suffix))
      out.insert(id + "|" + f.fields.at("finding_type").get<std::string>() + "|" +
                 std::string(model::to_string(f.severity)));
  }
  return out;
}

}  // namespace zt::test
