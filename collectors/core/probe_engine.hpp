#pragma once
// The probe engine: the live checks of one collector run (connections to this host's own
// listeners) run concurrently on one io_context, in the calling thread, under one deadline
// for the whole run and a bound on how many run at once. A check holds at most one socket at a
// time, so the bound is also the bound on open sockets.
//
// A check is an Asio coroutine that bounds every wait of its own by a deadline no later than
// the run's (probe_io.hpp's steps take one), so the run ends by then. Checks start in the
// order given, as slots free up; none starts once the deadline has passed or `should_stop`
// (the collector's Context::should_stop) holds. `should_stop` is also asked every 50 ms while
// checks run: when it holds, the run ends at once and the checks in progress are abandoned
// (their coroutines are destroyed; whatever they wrote so far stays). A check still running
// half a second after the deadline is abandoned the same way, so a check that forgot a
// deadline cannot hold the run.
//
// Checks run in the calling thread only: what they write needs no lock. The `checks` (and
// whatever their closures refer to) must outlive the call. Never throws but for allocation
// failures; an exception escaping a check ends that check only and is reported as `failed`.
#include <utility>  // first: Boost 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio/awaitable.hpp>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "collectors/core/loopback_socket.hpp"

namespace zt::collector {

using ProbeCheck = std::function<boost::asio::awaitable<void>()>;

struct ProbeRunLimits {
  DeadlineClock::time_point deadline;  // of the whole run
  std::size_t max_concurrent = 64;     // checks (and so sockets) at once; at least 1
};

enum class CheckState { not_started, finished, failed, abandoned };

struct CheckOutcome {
  CheckState state = CheckState::not_started;
  std::string error;  // what escaped the check, when failed
};

// One outcome per check, in the order of `checks`.
std::vector<CheckOutcome> run_probe_checks(const std::vector<ProbeCheck>& checks,
                                           const ProbeRunLimits& limits,
                                           const std::function<bool()>& should_stop);

}  // namespace zt::collector
