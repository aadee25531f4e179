#include "transport/scan_progress.hpp"

#include <nlohmann/json.hpp>

namespace zt::transport {
namespace {

using nlohmann::json;

model::Error bad(const std::string& what) { return model::Error{"scan progress: " + what}; }

}  // namespace

std::size_t ScanProgress::begin_of(int part) const {
  const int index = part - base_part - 1;
  return index == 0 ? base_item : ends[static_cast<std::size_t>(index - 1)];
}

std::size_t ScanProgress::end_of(int part) const {
  return ends[static_cast<std::size_t>(part - base_part - 1)];
}

std::string to_text(const ScanProgress& progress) {
  json out = {{"generation", progress.generation}, {"base_part", progress.base_part},
              {"base_item", progress.base_item},   {"ends", progress.ends},
              {"acked", progress.acked},           {"server_errors", progress.server_errors},
              {"first_server_error_at", nullptr}};
  if (progress.first_server_error_at)
    out["first_server_error_at"] = model::format_timestamp(*progress.first_server_error_at);
  if (progress.digest) out["digest"] = true;
  if (progress.delta()) out["delta_base"] = progress.delta_base;
  return out.dump();
}

model::Result<ScanProgress> progress_from_text(std::string_view text) {
  const json in = json::parse(text, nullptr, false);
  if (!in.is_object()) return bad("not a JSON object");
  ScanProgress out;
  for (const auto& [key, value] : in.items()) {
    const auto count = [&](auto& into) -> model::Status {
      if (!value.is_number_unsigned()) return bad(key + ": not a count");
      into = value.get<std::remove_reference_t<decltype(into)>>();
      return model::Ok{};
    };
    model::Status read = model::Ok{};
    if (key == "generation") {
      read = count(out.generation);
    } else if (key == "base_part") {
      read = count(out.base_part);
    } else if (key == "base_item") {
      read = count(out.base_item);
    } else if (key == "acked") {
      read = count(out.acked);
    } else if (key == "server_errors") {
      read = count(out.server_errors);
    } else if (key == "ends") {
      if (!value.is_array()) return bad("ends: not a list");
      for (const json& end : value) {
        if (!end.is_number_unsigned()) return bad("ends: not a list of counts");
        out.ends.push_back(end.get<std::size_t>());
      }
    } else if (key == "first_server_error_at") {
      if (value.is_null()) continue;
      const auto at = value.is_string() ? model::parse_timestamp(value.get<std::string>())
                                        : std::nullopt;
      if (!at) return bad(key + ": not an RFC 3339 time");
      out.first_server_error_at = at;
    } else if (key == "digest") {
      if (!value.is_boolean()) return bad(key + ": not true or false");
      out.digest = value.get<bool>();
    } else if (key == "delta_base") {
      if (!value.is_string() || value.get<std::string>().empty())
        return bad(key + ": not a digest");
      out.delta_base = value.get<std::string>();
    } else {
      return bad("unknown key " + key);
    }
    if (!read) return read.error();
  }
  std::size_t previous = out.base_item;
  for (const std::size_t end : out.ends) {
    if (end < previous) return bad("ends: not in order");
    previous = end;
  }
  if (out.delta() && (out.parts() != 1 || !out.digest))
    return bad("a delta is one part of a cut with digests");
  if (out.acked < out.base_part || (!out.legacy() && out.acked > out.parts()))
    return bad("acked " + std::to_string(out.acked) + " is outside parts " +
               std::to_string(out.base_part) + ".." + std::to_string(out.parts()));
  return out;
}

}  // namespace zt::transport
