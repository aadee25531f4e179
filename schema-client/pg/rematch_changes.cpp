#include "schema-client/pg/rematch_changes.hpp"

#include <nlohmann/json.hpp>
#include <unordered_map>

namespace zt::pg {

namespace {

using nlohmann::json;

// The agent's system findings as stored, every status: CVE findings and any other system
// finding its collectors reported (those never match a CVE finding's fingerprint); $3 not
// NULL: only the CVE findings of those packages.
constexpr std::string_view kStoredSystemFindings =
    "SELECT fingerprint, status, title, description, remediation, severity, risk_score::text,"
    " metadata::text FROM vulnerabilities_v2 v"
    " WHERE company_id = $1::uuid AND agent_id = $2::uuid AND category = 'system'"
    " AND ($3::text[] IS NULL OR EXISTS (SELECT 1 FROM system_vulnerabilities s"
    "   WHERE s.vulnerability_id = v.id AND s.company_id = v.company_id"
    "   AND s.agent_id = v.agent_id"  // the agent's rows alone, by its index: not a table scan
    "   AND s.component_name = ANY($3::text[])))";

enum Column { kFingerprint, kStatus, kTitle, kDescription, kRemediation, kSeverity, kRisk, kMeta };

bool all_digits(std::string_view text) {
  return text.find_first_not_of("0123456789") == std::string_view::npos;
}

bool same_text(const Rows& rows, int row, Column column, std::string_view value) {
  return !rows.is_null(row, column) && rows.text(row, column) == value;
}

// The stored row holds what writing `f` would write, and is not resolved (a resolved
// finding matched again reopens).
bool unchanged(const Rows& rows, int row, const model::Finding& f) {
  if (rows.text(row, kStatus) == "resolved") return false;
  if (!same_text(rows, row, kTitle, f.title) ||
      !same_text(rows, row, kDescription, f.description) ||
      !same_text(rows, row, kRemediation, f.remediation) ||
      !same_text(rows, row, kSeverity, to_string(f.severity)))
    return false;
  // The score as the writer sends it (its JSON text), rounded as the column rounds it.
  const std::optional<long long> score = hundredths(json(f.risk_score).dump());
  if (!score || rows.is_null(row, kRisk) || hundredths(rows.text(row, kRisk)) != score)
    return false;
  const json stored = json::parse(rows.text(row, kMeta), nullptr, false);
  return !stored.is_discarded() && stored == f.metadata;
}

}  // namespace

std::optional<long long> hundredths(std::string_view decimal) {
  const bool negative = decimal.starts_with('-');
  if (negative) decimal.remove_prefix(1);
  const std::size_t dot = decimal.find('.');
  const std::string_view whole = decimal.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : decimal.substr(dot + 1);
  if (whole.empty() || whole.size() > 15 || !all_digits(whole) || !all_digits(fraction))
    return std::nullopt;
  long long value = 0;
  for (const char digit : whole) value = value * 10 + (digit - '0');
  const auto fraction_digit = [&](std::size_t i) {
    return i < fraction.size() ? fraction[i] - '0' : 0;
  };
  value = value * 100 + fraction_digit(0) * 10 + fraction_digit(1);
  if (fraction_digit(2) >= 5) ++value;  // the digits after it only add: half away from zero
  return negative ? -value : value;
}

RematchChanges rematch_changes(Transaction& tx, const AgentRef& agent,
                               const std::vector<model::Finding>& matched,
                               const Param& packages) {
  const Rows rows = tx.exec(kStoredSystemFindings,
                            {param(agent.company_id), param(agent.agent_id), packages});
  RematchChanges changes;
  changes.first_match = rows.empty();
  if (changes.first_match) return changes;
  std::unordered_map<std::string_view, int> row_of;
  row_of.reserve(static_cast<std::size_t>(rows.size()));
  for (int r = 0; r < rows.size(); ++r) row_of.emplace(rows.text(r, kFingerprint), r);
  for (const model::Finding& f : matched) {
    const auto found = row_of.find(f.fingerprint);
    if (found == row_of.end() || !unchanged(rows, found->second, f))
      changes.to_write.push_back(f);
  }
  return changes;
}

}  // namespace zt::pg
