#include "transport/batch_splitter.hpp"

#include <algorithm>

#include "schema-client/model/uuid.hpp"
#include "schema-client/model/wire_format.hpp"

namespace zt::transport {
namespace {

std::size_t json_size(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size();
}

// The batch with no findings and no dependencies: what every part repeats.
model::Batch shell_of(const model::Batch& batch) {
  model::Batch shell;
  shell.schema_version = batch.schema_version;
  shell.agent = batch.agent;
  shell.scan = batch.scan;
  return shell;
}

}  // namespace

std::vector<model::Batch> split_batch(model::Batch batch, const SplitLimits& limits) {
  const std::size_t max_items = std::max<std::size_t>(limits.max_findings, 1);
  const model::Batch shell = shell_of(batch);
  // Sized with the longest id and part numbers a part can get.
  model::Batch widest = shell;
  widest.batch_id = std::string(36, '0');
  widest.part = widest.parts = model::kMaxParts;
  const std::size_t shell_bytes = json_size(model::to_json(widest));

  std::vector<model::Batch> parts(1, shell);
  std::size_t items = 0, bytes = shell_bytes;
  // Opens a new part when `size` more bytes (one more item) would not fit in the current one.
  auto room_for = [&](std::size_t size) {
    if (items > 0 && (items + 1 > max_items || bytes + size + 1 > limits.max_bytes)) {
      parts.push_back(shell);
      items = 0;
      bytes = shell_bytes;
    }
    ++items;
    bytes += size + 1;  // the comma
    return &parts.back();
  };
  for (model::Finding& f : batch.findings)
    room_for(json_size(model::to_json(f)))->findings.push_back(std::move(f));
  for (model::Dependency& d : batch.dependencies) {
    room_for(json_size(model::to_json(d)))->dependencies.push_back(std::move(d));
  }

  const int count = static_cast<int>(parts.size());
  for (int i = 0; i < count; ++i) {
    model::Batch& part = parts[static_cast<std::size_t>(i)];
    part.batch_id = i == 0 && !batch.batch_id.empty() ? batch.batch_id : model::new_uuid();
    part.part = i + 1;
    part.parts = count;
  }
  return parts;
}

}  // namespace zt::transport
