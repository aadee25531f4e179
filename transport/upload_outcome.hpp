#pragma once
// What an ingest answer means for the request that got it: the three transport outcomes of
// STYLE.md rule 7 (done, retry later, give up), with "unauthorized" split out of give-up
// because it is about the agent's key, not the batch.
//
//   2xx                               delivered     (a "duplicate" batch too: it was stored before)
//   no answer, 408, 429, 5xx,          retry         with backoff; Retry-After, when sent, is a
//   1xx/3xx (unexpected; no redirects                floor for the wait
//   are followed: a url to fix)
//   401, 403                          unauthorized  stop uploading, keep spooling, re-enroll
//                                                   when an enrollment token is configured;
//                                                   the batch is not at fault, so it is kept
//   any other 4xx                     rejected      the batch goes to the dead-letter folder,
//                                                   counted; later batches carry on
//
// `retry_after` is passed on whatever the outcome: a server may also advise a slower rate
// on a success. So is `max_batch_findings`, the batch size the ingest asks for (its answers'
// field of that name, taken when within 1..kMaxAdvisedBatchFindings). `reason` is for log lines and dead-letter notes: the status, the ingest's
// error code and message, and its first problems; it never holds a key (the ingest never
// echoes one). Pure functions, any thread.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "transport/http_client.hpp"

namespace zt::transport {

inline constexpr std::int64_t kMaxAdvisedBatchFindings = 100000;

enum class Outcome { delivered, retry, rejected, unauthorized };
std::string_view to_string(Outcome outcome);

struct Classified {
  Outcome outcome = Outcome::retry;
  std::optional<std::chrono::seconds> retry_after;
  std::string reason;      // "HTTP 422 invalid_request: … ($.findings[0].severity: …)"
  bool duplicate = false;  // delivered, and the ingest already had this batch
  std::optional<std::size_t> max_batch_findings;
};

Classified classify(const HttpAnswer& answer);

}  // namespace zt::transport
