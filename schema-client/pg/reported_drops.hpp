#pragma once
// The batches an agent lost over its life, as its heartbeats reported them. A heartbeat
// carries the drops its spool recorded since the last heartbeat the ingest accepted
// (metrics.spool.dropped, transport/delivery_metrics.hpp), and the agent then forgets them;
// so the ingest adds them up in the agent's metrics ("drops_reported") where the next
// heartbeat cannot overwrite them:
//   {"batches", "findings", "first_dropped_at", "last_dropped_at", "last_batch_id"}
// A heartbeat whose answer was lost is sent again with the same drops, which are then counted
// twice: the total may say too much, never too little. Pure; any thread.
#include <nlohmann/json.hpp>

namespace zt::pg {

// `metrics` (a heartbeat's) with "drops_reported": `previous` (the row's last total, or
// null) plus the heartbeat's drops. Malformed parts count as nothing.
nlohmann::json with_reported_drops(nlohmann::json metrics, const nlohmann::json& previous);

}  // namespace zt::pg
