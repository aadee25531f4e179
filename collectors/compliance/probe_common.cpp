#include "collectors/compliance/probe_common.hpp"

#include "collectors/core/text.hpp"

namespace zt::compliance {

std::vector<ConfLine> conf_lines(std::string_view text, char also_comment) {
  std::vector<ConfLine> out;
  const auto lines = collector::split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = collector::trim(lines[i]);
    if (line.empty() || line.front() == '#' || line.front() == also_comment) continue;
    out.push_back({i + 1, line});
  }
  return out;
}

Outcome outcome(Status status, Evidence evidence) { return {status, {std::move(evidence)}}; }

Outcome all_of(std::vector<Outcome> parts) {
  Status status = Status::pass;
  for (const Outcome& o : parts) {
    if (o.status == Status::fail) status = Status::fail;
    if (o.status == Status::error && status == Status::pass) status = Status::error;
  }
  Outcome out{status, {}};
  for (Outcome& o : parts)
    if (status == Status::pass || o.status == status)
      for (Evidence& e : o.evidence) out.evidence.push_back(std::move(e));
  return out;
}

}  // namespace zt::compliance
