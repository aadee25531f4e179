#include "schema-client/model/batch.hpp"

namespace zt::model {

std::string_view to_string(ScanStatus status) {
  switch (status) {
    case ScanStatus::running: return "running";
    case ScanStatus::completed: return "completed";
    case ScanStatus::partial: return "partial";
    case ScanStatus::failed: return "failed";
  }
  return "failed";
}

std::optional<ScanStatus> parse_scan_status(std::string_view text) {
  for (ScanStatus s : {ScanStatus::running, ScanStatus::completed, ScanStatus::partial,
                       ScanStatus::failed})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

}  // namespace zt::model
