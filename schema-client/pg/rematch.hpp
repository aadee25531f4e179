#pragma once
// The fleet matched again against the stored feeds, without any rescan (`zerotrace-ingest
// vulns rematch`, and `feeds import` when it changed anything): each agent's latest inventory
// (its newest scan with dependencies, as retention keeps it) is matched by vuln_matcher.hpp in
// one transaction per agent, under its company's row-level security. The stored records that
// name any inventory's packages, and the Debian tracker's rows on them, are read (and the
// records indexed) once for the whole fleet; then
// `workers` sessions (the given one and more like it, Connection::another) match and write
// the agents in parallel.
//   - the CVE findings matched now that are new, resolved, or differ from their row (a new
//     score, KEV entry, fixed version…) are upserted as a scan of the inventory would (new
//     ones open, resolved ones reopen), seen now; unchanged ones are not written;
//   - open CVE findings of the agent (system, vulnerability_type package_vulnerability) no
//     longer matched are resolved with resolved_reason 'not_affected' (a withdrawn record, a
//     corrected range); other findings are left alone;
//   - the inventory's dependencies rows list their CVE ids again.
// After an import, rematch_fleet_for matches again only what the feeds changed
// (feed_changes.hpp): each agent's packages a changed record or tracker row may name, and
// those whose open findings cite a changed record or CVE, with their findings and CVE lists;
// an agent with none of them is not matched at all (untouched). Its outcome is the whole
// rematch's: a whole rematch after it writes and resolves nothing.
// Cost (tests/bench/rematch_bench.cpp): a finding written for the first time is a row in four
// tables (vulnerabilities_v2, system_vulnerabilities, vulnerabilities, enrichment_results),
// and PostgreSQL's work per row there (about 35 index entries, three of them full-text vectors,
// and eleven foreign-key checks) is most of a first match's time, not the statements around
// it; an agent whose findings did not change costs its matching and one read of its rows.
// Errors: database failures throw DbError; the agents already done stay done (each is its
// own transaction), those in progress are rolled back. A mismatch in the rows written (our
// bug) rolls that agent back and is reported.
#include <cstdint>
#include <string>
#include <vector>

#include "schema-client/pg/connection.hpp"
#include "schema-client/pg/feed_changes.hpp"

namespace zt::pg {

struct RematchReport {
  std::int64_t agents = 0;     // agents with an inventory, matched again
  std::int64_t findings = 0;   // CVE findings matched now, over all agents
  std::int64_t resolved = 0;   // open CVE findings no longer matched, now resolved
  std::vector<std::string> mismatches;  // "agent <id>: …" when an agent was rolled back
  std::int64_t written = 0;    // of the findings, those new or changed, upserted
  std::int64_t untouched = 0;  // rematch_fleet_for: agents none of whose packages it touches
};

RematchReport rematch_fleet(Connection& connection, int workers = 2);
RematchReport rematch_fleet_for(Connection& connection, const FeedChanges& changes,
                                int workers = 2);

}  // namespace zt::pg
