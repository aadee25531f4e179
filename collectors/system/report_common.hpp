#pragma once
// Helpers shared by the files that build the system collector's findings (report.cpp,
// report_eol.cpp, report_kernel.cpp, report_security_support.cpp). Internal.
#include <string>
#include <string_view>
#include <vector>

#include "collectors/system/snapshot.hpp"
#include "schema-client/model/finding.hpp"
#include "schema-client/model/severity.hpp"

namespace zt::system::detail {

// A system finding of `type` with its severity, default risk score and the OS columns.
inline model::Finding new_finding(const Snapshot& snapshot, model::Severity severity,
                                  std::string_view type) {
  model::Finding f;
  f.category = model::Category::system;
  f.severity = severity;
  f.risk_score = model::default_risk_score(severity);
  f.fields = {{"vulnerability_type", type}};
  if (snapshot.os) {
    f.fields["os_name"] = snapshot.os->name;
    if (!snapshot.os->version_id.empty()) f.fields["os_version"] = snapshot.os->version_id;
  }
  return f;
}

inline std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace zt::system::detail
