#pragma once
// The base score of a CVSS v3.0 or v3.1 vector ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
// → 9.8), by the specification's formulas (https://www.first.org/cvss/v3.1/specification-
// document, section 7.1; v3.0 rounds up to one decimal, v3.1 with its float-safe Roundup), so
// an OSV record's vector gives a score when no NVD record is imported. Temporal and
// environmental metrics in the vector are accepted and not applied: the base score is what NVD
// and the feeds publish. nullopt for anything else: another version, a metric missing, given
// twice or with a value the specification does not have.
//
// And the qualitative rating of a score (section 5): None 0.0, Low 0.1–3.9, Medium 4.0–6.9,
// High 7.0–8.9, Critical 9.0–10.0 (None is our info). Pure; any thread.
#include <optional>
#include <string_view>

#include "schema-client/model/severity.hpp"

namespace zt::vuln {

std::optional<double> cvss3_base_score(std::string_view vector);

model::Severity severity_of_score(double score);

}  // namespace zt::vuln
