#include "schema-client/model/scan_baseline.hpp"

#include <algorithm>
#include <vector>

#include "schema-client/model/digest.hpp"
#include "schema-client/model/json_reader.hpp"
#include "schema-client/model/wire_format.hpp"

namespace zt::model {
namespace {

using nlohmann::json;

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Order-free: the same packages and files listed in another order are the same inventory.
std::string inventory_hash(const Batch& scan) {
  std::vector<std::string> items;
  for (const Dependency& d : scan.dependencies) items.push_back("d" + dump(to_json(d)));
  for (const ConfigFile& c : scan.config_files) items.push_back("c" + dump(to_json(c)));
  std::ranges::sort(items);
  std::string text;
  for (const std::string& item : items) text += item + "\n";
  return sha256_hex(text);
}

std::string digest_of(const ScanBaseline& state) {
  std::string text = "zerotrace scan state 1\ninventory " + state.inventory + "\n";
  for (const auto& [fingerprint, hash] : state.findings) text += fingerprint + " " + hash + "\n";
  return sha256_hex(text);
}

}  // namespace

std::string collectors_key(const Scan& scan) {
  std::string key;
  for (const auto& [name, outcome] : scan.results) key += (key.empty() ? "" : ",") + name;
  return key;
}

bool can_be_baseline(const Batch& scan) {
  if (scan.scan.status != ScanStatus::completed || scan.scan.results.empty()) return false;
  return std::ranges::all_of(scan.scan.results, [](const auto& entry) {
    return entry.second.status == CollectorStatus::completed;
  });
}

ScanBaseline baseline_of(const Batch& scan) {
  ScanBaseline state;
  state.collectors = collectors_key(scan.scan);
  state.inventory = inventory_hash(scan);
  for (const Finding& f : scan.findings)
    state.findings[f.fingerprint] = sha256_hex(dump(to_json(f)));
  state.digest = digest_of(state);
  return state;
}

std::optional<Batch> delta_of(const Batch& scan, const ScanBaseline& base) {
  if (!can_be_baseline(scan) || scan.parts != 1 || collectors_key(scan.scan) != base.collectors)
    return std::nullopt;
  const ScanBaseline now = baseline_of(scan);
  if (now.inventory != base.inventory) return std::nullopt;
  Batch delta = scan;
  delta.dependencies.clear();
  delta.config_files.clear();
  delta.findings.clear();
  for (const Finding& f : scan.findings) {
    const auto was = base.findings.find(f.fingerprint);
    if (was == base.findings.end() || was->second != now.findings.at(f.fingerprint))
      delta.findings.push_back(f);
  }
  Delta changes{base.digest, {}};
  for (const auto& [fingerprint, hash] : base.findings)
    if (!now.findings.contains(fingerprint)) changes.removed.push_back(fingerprint);
  delta.delta = std::move(changes);
  delta.digest = now.digest;
  return delta;
}

json to_json(const ScanBaseline& baseline) {
  return {{"collectors", baseline.collectors},
          {"digest", baseline.digest},
          {"inventory", baseline.inventory},
          {"findings", baseline.findings},
          {"deltas", baseline.deltas}};
}

Result<ScanBaseline> baseline_from_json(const json& document) {
  std::vector<Problem> problems;
  ObjectReader r(document, "$", problems,
                 {"collectors", "digest", "inventory", "findings", "deltas"});
  ScanBaseline baseline;
  baseline.collectors = r.text("collectors", true);
  baseline.digest = r.text("digest", true);
  baseline.inventory = r.text("inventory", true);
  baseline.deltas = static_cast<int>(r.integer("deltas", 0, 1 << 30, true).value_or(0));
  if (const json* findings = r.get("findings", true)) {
    if (!findings->is_object())
      r.fail("$.findings", "expected an object");
    else
      for (const auto& [fingerprint, hash] : findings->items()) {
        if (!hash.is_string())
          r.fail("$.findings." + fingerprint, "expected a string");
        else
          baseline.findings[fingerprint] = hash.get<std::string>();
      }
  }
  if (!problems.empty()) return invalid_document(std::move(problems));
  // A state whose digest does not add up was not written by this code: never a base.
  if (digest_of(baseline) != baseline.digest)
    return invalid_document({{"$.digest", "does not match the findings and inventory"}});
  return baseline;
}

}  // namespace zt::model
