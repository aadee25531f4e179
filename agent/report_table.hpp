#pragma once
// The human-readable report of `--once`: what was scanned, each collector's outcome, the
// findings grouped by severity, most severe first, with remediation and evidence, and the
// compliance results: a score line per framework and the failed controls by section (a
// control that passed, is not applicable, manual or undecided is a result, not an issue).
// Colour (ANSI) only when asked, which the caller does for a terminal.
#include <ostream>

#include "schema-client/model/batch.hpp"

namespace zt::agent {

// Whether a finding is an issue: any finding but a compliance result other than "fail".
bool is_issue(const model::Finding& finding);

void write_table(std::ostream& out, const model::Batch& batch, bool colour);

}  // namespace zt::agent
