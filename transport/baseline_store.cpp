#include "transport/baseline_store.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "schema-client/model/digest.hpp"
#include "transport/delivery_log.hpp"

namespace zt::transport {
namespace {

// Far above the state of any scan: a fingerprint and a hash per finding.
constexpr std::uint64_t kMaxBaselineBytes = 256ull * 1024 * 1024;

bool plain_name(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == ',';
}

// The file name of a set of collectors: their names joined by "+" when they are plain names,
// else a hash of them.
std::string baseline_file_name(const std::string& collectors) {
  if (collectors.empty() || collectors.size() > 200 || !std::ranges::all_of(collectors, plain_name))
    return "collectors-" + model::sha256_hex(collectors).substr(0, 32) + ".json";
  std::string name = collectors;
  std::ranges::replace(name, ',', '+');
  return name + ".json";
}

}  // namespace

model::Result<BaselineStore> BaselineStore::open(const std::filesystem::path& dir) {
  auto opened = SpoolDir::open(dir);
  if (!opened) return opened.error();
  return BaselineStore(std::move(opened).value());
}

std::optional<model::ScanBaseline> BaselineStore::load(const std::string& collectors) const {
  const std::string name = baseline_file_name(collectors);
  auto text = dir_.read(name, kMaxBaselineBytes);
  if (!text) return std::nullopt;  // none yet, or unreadable: the scan goes whole
  auto baseline = model::baseline_from_json(nlohmann::json::parse(*text, nullptr, false));
  if (!baseline || baseline->collectors != collectors) {
    delivery_log()->warn(
        "{}: not a usable baseline ({}); removed, the next scan of {} is sent "
        "whole",
        (dir_.path() / name).string(),
        baseline ? "it is of collectors " + baseline->collectors : baseline.error().message,
        collectors);
    (void)dir_.remove(name);
    return std::nullopt;
  }
  return std::move(baseline).value();
}

model::Status BaselineStore::save(const model::ScanBaseline& baseline) const {
  return dir_.write_durably(baseline_file_name(baseline.collectors), to_json(baseline).dump());
}

model::Status BaselineStore::forget(const std::string& collectors) const {
  return dir_.remove(baseline_file_name(collectors));
}

}  // namespace zt::transport
