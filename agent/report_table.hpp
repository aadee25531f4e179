#pragma once
// The human-readable report of `--once`: what was scanned, each collector's outcome, and the
// findings grouped by severity, most severe first, with remediation and evidence. Colour
// (ANSI) only when asked, which the caller does for a terminal.
#include <ostream>

#include "schema-client/model/batch.hpp"

namespace zt::agent {

void write_table(std::ostream& out, const model::Batch& batch, bool colour);

}  // namespace zt::agent
