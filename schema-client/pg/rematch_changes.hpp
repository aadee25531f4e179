#pragma once
// What a rematch must write for one agent (rematch.hpp): of the CVE findings matched now,
// those the agent has no row for, or a resolved one, or a row whose content (title,
// description, remediation, severity, risk score, metadata) differs from the finding as the
// writer would store it. The agent's stored system findings are read once and compared here,
// value by value (metadata as JSON values, so key order and number spelling do not count):
// sending every finding to the server to compare there cost more than the comparison.
// A value this side cannot compare exactly (a risk score it cannot round as numeric(4,2)
// does) counts as changed: at worst a finding is written again, never left stale.
//
// Errors: database failures throw DbError. Threads: the transaction's.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/finding.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/connection.hpp"

namespace zt::pg {

struct RematchChanges {
  // The agent had no system finding at all (on the packages matched): every matched finding
  // is new (and to_write is left empty rather than a copy of them all).
  bool first_match = false;
  std::vector<model::Finding> to_write;  // otherwise: those to write, in the matched order
};

// `packages`: the package names matched again as a text[] literal (their stored findings
// alone are read), or NULL when every package was.
RematchChanges rematch_changes(Transaction& tx, const AgentRef& agent,
                               const std::vector<model::Finding>& matched,
                               const Param& packages = std::nullopt);

// A decimal number's text ("7.5", "-0.125", "10") in hundredths, rounded half away from zero
// as numeric(4,2) stores it; nullopt for any other text (exponents, NaN).
std::optional<long long> hundredths(std::string_view decimal);

}  // namespace zt::pg
