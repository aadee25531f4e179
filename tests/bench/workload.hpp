#pragma once
// The ingest benchmark's workload, as data only (no I/O): batches of generated findings, and
// the same findings as the rows the batch writer leaves for them, in COPY text format.
//
// Finding n of an agent (n counts on over its batches) is of the categories system, network,
// auth, database, container in turn: the sample finding of its category with the identity
// fields made from n, so every finding of a run has its own fingerprint and every write is an
// insert. System findings carry no cve_id: each finding is then exactly one vulnerabilities_v2
// row and one category-table row (a package CVE would add a `vulnerabilities` row).
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/batch.hpp"

namespace zt::bench {

inline constexpr model::Category kCategories[] = {
    model::Category::system, model::Category::network, model::Category::auth,
    model::Category::database, model::Category::container};

// The agent that sends batches as bench-<index>.
model::AgentInfo agent_info(int index);

model::Finding make_finding(std::string_view agent_identity, std::uint64_t n);

// Batch `index` of an agent: a new scan with findings index*count … index*count + count - 1.
// The scan is completed but names no collector results, so the writer resolves nothing (it
// would resolve the agent's earlier batches, all of whose fingerprints are absent here).
model::Batch make_batch(std::string_view agent_identity, const model::AgentInfo& agent,
                        int index, int count);

// One COPY … FROM STDIN: the statement and the rows it is given.
struct CopyStep {
  std::string statement;
  std::string data;
};

// The rows write_batch leaves for `batch` (its findings' categories: any but config), as
// COPY steps: vulnerabilities_v2 first, then one step per category table, each category row
// linked to its unified row by a vulnerability_id made here. The agent, company and scan rows
// are expected to exist.
std::vector<CopyStep> copy_steps(const model::Batch& batch, std::string_view company_id,
                                 std::string_view agent_id);

}  // namespace zt::bench
