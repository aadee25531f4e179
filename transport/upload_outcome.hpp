#pragma once
// What an ingest answer means for the request that got it: done, retry later or give up,
// with the cases that need their own handling
// split out: the agent's key ("unauthorized"), a batch too large to take ("too_large"), and a
// server that failed on this very batch ("server_error").
//
//   2xx                      delivered     (a "duplicate" batch too: it was stored before)
//   no answer, 408, 429,     retry         with backoff, for as long as it takes; Retry-After,
//   502, 503, 504,                         when sent, is a floor for the wait. These say
//   501, 505, 507, 511,                    nothing about the batch: the way there, the load, a
//   1xx/3xx (unexpected; no                database away (503), a proxy in between (502,
//   redirects are followed:                504), a server that cannot take any request
//   a url to fix)                          (501, 505, 507, 511). Every batch would get the
//                                          same answer, so none is given up on: they wait
//                                          in the spool, whose bound is the only limit.
//   500, any other 5xx       server_error  retry with backoff, and counted against the
//                                          batch: the server failed while handling it and
//                                          may fail the same way every time (a value the
//                                          database refuses). After more than N such
//                                          answers over at least a minimum span (both
//                                          settings, default 10 and 1 h) the batch is given
//                                          up like a rejected one, so it never blocks the
//                                          ones behind it.
//   413                      too_large     the batch is cut again into smaller parts (at
//                                          most `max_batch_findings` items when the answer
//                                          says, else half as many); a single item that is
//                                          still too large is rejected.
//   401, 403                 unauthorized  stop uploading, keep spooling, re-enroll when an
//                                          enrollment token is configured; the batch is not
//                                          at fault, so it is kept
//   409 "baseline_mismatch"  send_whole    a delta the ingest cannot apply (its base is not
//                                          the last whole scan it holds): the scan is sent
//                                          again whole, at once
//   any other 4xx            rejected      the batch goes to the dead-letter folder,
//                                          counted; later batches carry on
//
// `retry_after` is passed on whatever the outcome: a server may also advise a slower rate
// on a success. So is `max_batch_findings`, the batch size the ingest asks for (its answers'
// field of that name, taken when within 1..kMaxAdvisedBatchFindings). `reason` is for log
// lines and dead-letter notes: the status, the ingest's error code and message, and its
// first problems; it never holds a key (the ingest never echoes one). Pure functions, any
// thread.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "transport/http_client.hpp"

namespace zt::transport {

inline constexpr std::int64_t kMaxAdvisedBatchFindings = 100000;

enum class Outcome {
  delivered,
  retry,
  server_error,
  too_large,
  rejected,
  unauthorized,
  send_whole
};
std::string_view to_string(Outcome outcome);

struct Classified {
  Outcome outcome = Outcome::retry;
  std::optional<std::chrono::seconds> retry_after;
  std::string reason;      // "HTTP 422 invalid_request: … ($.findings[0].severity: …)"
  bool duplicate = false;  // delivered, and the ingest already had this batch
  std::optional<std::size_t> max_batch_findings;
  // The answer says the ingest takes digests and deltas ("differential_uploads": true).
  bool differential = false;
};

Classified classify(const HttpAnswer& answer);

}  // namespace zt::transport
