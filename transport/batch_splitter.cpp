#include "transport/batch_splitter.hpp"

#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/string_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

#include <algorithm>

#include "schema-client/model/wire_format.hpp"

namespace zt::transport {
namespace {

// The namespace of part ids (a fixed random UUID): ids of other name-based schemes never
// collide with ours.
constexpr const char* kPartIdNamespace = "5f0b8c1e-6a43-4d8e-9b7a-2e61c3f4d950";

std::size_t json_size(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size();
}

// A scan's items in order: its config files (before the findings that name them), findings,
// dependencies.
std::size_t item_size(const model::Batch& scan, std::size_t item) {
  const std::size_t files = scan.config_files.size();
  if (item < files) return json_size(model::to_json(scan.config_files[item]));
  item -= files;
  const std::size_t findings = scan.findings.size();
  return item < findings ? json_size(model::to_json(scan.findings[item]))
                         : json_size(model::to_json(scan.dependencies[item - findings]));
}

// The batch with no findings, dependencies or config files: what every part repeats.
model::Batch shell_of(const model::Batch& batch) {
  model::Batch shell;
  shell.schema_version = batch.schema_version;
  shell.agent = batch.agent;
  shell.scan = batch.scan;
  return shell;
}

}  // namespace

std::size_t item_count(const model::Batch& scan) {
  return scan.config_files.size() + scan.findings.size() + scan.dependencies.size();
}

std::vector<std::size_t> cut_points(const model::Batch& scan, std::size_t from,
                                    const SplitLimits& limits) {
  const std::size_t max_items = std::max<std::size_t>(limits.max_findings, 1);
  // Sized with the longest id and part numbers a part can get.
  model::Batch widest = shell_of(scan);
  widest.batch_id = std::string(36, '0');
  widest.part = widest.parts = model::kMaxParts;
  const std::size_t shell_bytes = json_size(model::to_json(widest));

  std::vector<std::size_t> ends;
  const std::size_t count = item_count(scan);
  std::size_t items = 0, bytes = shell_bytes;
  for (std::size_t item = from; item < count; ++item) {
    const std::size_t size = item_size(scan, item) + 1;  // and its comma
    if (items > 0 && (items + 1 > max_items || bytes + size > limits.max_bytes)) {
      ends.push_back(item);
      items = 0;
      bytes = shell_bytes;
    }
    ++items;
    bytes += size;
  }
  ends.push_back(std::max(count, from));
  return ends;
}

model::Batch part_of(const model::Batch& scan, std::size_t begin, std::size_t end, int part,
                     int parts, std::string batch_id) {
  model::Batch out = shell_of(scan);
  out.batch_id = std::move(batch_id);
  out.part = part;
  out.parts = parts;
  const std::size_t files = scan.config_files.size();
  const std::size_t findings = scan.findings.size();
  for (std::size_t item = begin; item < end; ++item) {
    if (item < files)
      out.config_files.push_back(scan.config_files[item]);
    else if (item < files + findings)
      out.findings.push_back(scan.findings[item - files]);
    else
      out.dependencies.push_back(scan.dependencies[item - files - findings]);
  }
  return out;
}

std::string part_batch_id(std::string_view scan_batch_id, int generation, int part) {
  if (generation == 0 && part == 1) return std::string(scan_batch_id);
  static const boost::uuids::uuid kNamespace = boost::uuids::string_generator()(kPartIdNamespace);
  const std::string name = std::string(scan_batch_id) + "/" + std::to_string(generation) + "/" +
                           std::to_string(part);
  return boost::uuids::to_string(boost::uuids::name_generator_sha1(kNamespace)(name));
}

}  // namespace zt::transport
