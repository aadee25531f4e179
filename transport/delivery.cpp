#include "transport/delivery.hpp"

#include <algorithm>
#include <utility>

#include "transport/machine_identity.hpp"
#include "transport/upload_outcome.hpp"

namespace zt::transport {
namespace {

// How long the idle loop sleeps when nothing wakes it; Spool::put() and stop() do.
constexpr std::chrono::minutes kIdleWait{1};
// The heartbeat client's total timeout, at most.
constexpr std::chrono::seconds kHeartbeatTimeout{30};
// Repeated warnings of the loop (retries, dead letters, a stopped upload) at most this often.
constexpr std::chrono::minutes kLogInterval{5};

using std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;

long long ms(milliseconds value) { return static_cast<long long>(value.count()); }

}  // namespace

model::Status validate(const DeliveryOptions& options) {
  if (auto ok = validate(options.backoff); !ok) return ok;
  if (options.pacing.count() < 0) return model::Error{"delivery pacing must not be negative"};
  if (options.heartbeat_interval.count() <= 0)
    return model::Error{"heartbeat interval must be positive"};
  if (options.key_recheck.count() <= 0) return model::Error{"key_recheck must be positive"};
  if (options.stopping_heartbeat_timeout.count() < 0)
    return model::Error{"stopping_heartbeat_timeout must not be negative"};
  if (options.state_dir.empty())
    return model::Error{"state_dir is required: the agent's api key is stored there"};
  if (options.split.max_findings == 0 || options.split.max_bytes == 0)
    return model::Error{"batch limits (findings, bytes) must be positive"};
  if (options.server_error_limit <= 0)
    return model::Error{"server_error_limit must be positive"};
  if (options.server_error_span.count() < 0)
    return model::Error{"server_error_span must not be negative"};
  if (options.full_upload_every <= 0) return model::Error{"full_upload_every must be positive"};
  return model::Ok{};
}

model::Result<std::unique_ptr<Delivery>> Delivery::create(DeliveryOptions options, Spool& spool,
                                                          AgentInfoProvider agent_info) {
  if (auto ok = validate(options); !ok) return ok.error();
  Clients clients;
  // The uploads and the heartbeat end at once on stop; the last heartbeat is not aborted.
  auto abort = std::make_shared<std::atomic<bool>>(false);
  ClientOptions farewell_options = options.client;
  options.client.abort = abort;
  auto uploads = IngestClient::create(options.client);
  if (!uploads) return uploads.error();
  clients.uploads = std::move(uploads).value();
  // A heartbeat is a small request: it need not wait as long as an upload may (and stop()
  // waits for one in flight).
  ClientOptions beat = options.client;
  beat.total_timeout = std::min<milliseconds>(beat.total_timeout, kHeartbeatTimeout);
  beat.connect_timeout = std::min(beat.connect_timeout, beat.total_timeout);
  auto heartbeat = IngestClient::create(std::move(beat));
  if (!heartbeat) return heartbeat.error();
  clients.heartbeat = std::move(heartbeat).value();
  if (options.stopping_heartbeat_timeout.count() > 0) {
    // Short timeouts: the last heartbeat must not hold up the agent's exit.
    ClientOptions quick = farewell_options;
    quick.connect_timeout = std::min(quick.connect_timeout, options.stopping_heartbeat_timeout);
    quick.total_timeout = options.stopping_heartbeat_timeout;
    auto farewell = IngestClient::create(std::move(quick));
    if (!farewell) return farewell.error();
    clients.farewell = std::move(farewell).value();
  }
  return std::unique_ptr<Delivery>(new Delivery(std::move(options), spool, std::move(agent_info),
                                                std::move(clients), std::move(abort)));
}

Delivery::Delivery(DeliveryOptions options, Spool& spool, AgentInfoProvider agent_info,
                   Clients clients, std::shared_ptr<std::atomic<bool>> abort)
    : options_(std::move(options)),
      spool_(spool),
      abort_(std::move(abort)),
      planner_(options_.split),
      credentials_(CredentialOptions{options_.configured_api_key, options_.enrollment_token,
                                     options_.state_dir, options_.host_root,
                                     options_.revoked_recheck},
                   agent_info),
      client_(std::move(clients.uploads)),
      farewell_client_(std::move(clients.farewell)),
      backoff_(options_.seed ? Backoff(options_.backoff, *options_.seed)
                             : Backoff(options_.backoff)),
      jitter_(options_.seed ? *options_.seed + 1 : std::random_device{}()),
      log_limit_(kLogInterval) {
  if (options_.full_upload_every > 1) {
    auto baselines = BaselineStore::open(options_.state_dir / "baselines");
    if (baselines)
      baselines_ = std::move(baselines).value();
    else
      delivery_log()->warn("{}; every scan is uploaded whole", baselines.error().message);
  }
  heartbeat_ = std::make_unique<Heartbeat>(
      options_.heartbeat_interval, std::move(clients.heartbeat), spool_, credentials_,
      read_machine_identity(options_.host_root), std::move(agent_info),
      [this] { return stats(); }, [this] { poke(); });
}

Delivery::~Delivery() { stop(); }

void Delivery::start() {
  {
    std::lock_guard lock(mutex_);
    if (started_ || stop_) return;
    started_ = true;
  }
  delivery_log()->info("delivering batches to {}", client_->base_url());
  thread_ = std::thread([this] { run(); });
  heartbeat_->start();
}

void Delivery::request_stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  abort_->store(true);
  wake_.notify_all();
  spool_.wake();
}

void Delivery::stop() {
  bool farewell = false;
  {
    std::lock_guard lock(mutex_);
    farewell = started_ && !farewell_done_;
    farewell_done_ = true;
  }
  request_stop();
  heartbeat_->stop();
  // While the upload thread finishes a request in flight, if it has one.
  if (farewell && farewell_client_) heartbeat_->farewell(*farewell_client_);
  if (thread_.joinable()) {
    thread_.join();
    delivery_log()->info("delivery stopped; {} batches wait in the spool", spool_.stats().batches);
  }
}

DeliveryStats Delivery::stats() const {
  DeliveryStats stats;
  {
    std::lock_guard lock(mutex_);
    stats = stats_;
  }
  stats.credentials = credentials_.status();
  heartbeat_->fill(stats);
  return stats;
}

bool Delivery::stopping() const {
  std::lock_guard lock(mutex_);
  return stop_;
}

void Delivery::poke() {
  {
    std::lock_guard lock(mutex_);
    poked_ = true;
  }
  wake_.notify_all();
  spool_.wake();  // when the loop is idle, waiting for a batch
}

bool Delivery::wait_until(SteadyClock::time_point deadline, bool poke) {
  std::unique_lock lock(mutex_);
  wake_.wait_until(lock, deadline, [&] { return stop_ || (poke && poked_); });
  return !stop_;
}

void Delivery::run() {
  while (!stopping()) {
    if (!ensure_key()) continue;
    if (!wait_until(not_before_)) break;  // pacing, backoff or the server's advice
    const std::optional<config::Secret> key = credentials_.key();
    if (!key) continue;  // refused meanwhile (a heartbeat's answer)
    const std::optional<SpooledBatch> batch = spool_.front();
    if (!batch) {
      spool_.wait_for_batch(SteadyClock::now() + kIdleWait);
      continue;
    }
    upload(*batch, *key);
  }
}

bool Delivery::ensure_key() {
  {
    // Whatever happened before is seen by acquire() now.
    std::lock_guard lock(mutex_);
    poked_ = false;
  }
  const Credentials::Step step = credentials_.acquire(*client_);
  switch (step.next) {
    case Credentials::Next::ready: {
      if (step.new_key) {
        backoff_.reset();  // enrollment attempts are over
        heartbeat_->poke();
      }
      bool resumed = false;
      {
        std::lock_guard lock(mutex_);
        resumed = stats_.uploads_stopped;
        stats_.uploads_stopped = false;
        stats_.stopped_reason.clear();
      }
      if (resumed) delivery_log()->info("uploads resume: the api key is usable again");
      if (resumed || step.new_key) {
        // A new episode: its first lines are not held back.
        stopped_reason_logged_.clear();
        log_limit_.reset("unauthorized");
        log_limit_.reset("enroll-retry");
        log_limit_.reset("waiting");
      }
      return true;
    }
    case Credentials::Next::retry: {
      const milliseconds wait = backoff_.next(step.retry_after);
      record_failure(step.message);
      if (const auto held = log_limit_.admit("enroll-retry"))
        delivery_log()->warn("{}; next attempt in {} ms{}", step.message, ms(wait),
                             suppressed_note(*held));
      wait_until(SteadyClock::now() + wait);
      return false;
    }
    case Credentials::Next::blocked: {
      {
        std::lock_guard lock(mutex_);
        stats_.uploads_stopped = true;
        stats_.stopped_reason = step.message;
      }
      if (step.message != stopped_reason_logged_) {
        stopped_reason_logged_ = step.message;
        delivery_log()->error("uploads stopped, batches are kept in the spool: {}", step.message);
      }
      record_failure(step.message);
      wait_until(SteadyClock::now() + options_.key_recheck, /*poke=*/true);
      return false;
    }
  }
  return false;
}

void Delivery::record_failure(const std::string& reason) {
  {
    std::lock_guard lock(mutex_);
    stats_.last_error = reason;
    stats_.last_error_at = model::now();
    stats_.consecutive_failures = backoff_.failures();
  }
  // What waits, for an operator, whatever the failure (at most every kLogInterval).
  if (const auto held = log_limit_.admit("waiting")) {
    const SpoolStats waiting = spool_.stats();
    delivery_log()->warn("{} batches wait to be uploaded, the oldest for {} s; last answer: {}{}",
                         waiting.batches, waiting.oldest_age.value_or(std::chrono::seconds(0)).count(),
                         reason, suppressed_note(*held));
  }
}

void Delivery::pace(std::optional<std::chrono::seconds> advice, milliseconds at_least) {
  milliseconds wait = at_least;
  if (options_.pacing.count() > 0) {
    std::uniform_int_distribution<long long> draw(options_.pacing.count() / 2,
                                                  options_.pacing.count() * 3 / 2);
    wait = std::max(wait, milliseconds(draw(jitter_)));
  }
  if (advice)
    wait = std::max(wait, std::min<milliseconds>(*advice, options_.backoff.max_retry_after));
  not_before_ = SteadyClock::now() + wait;
}

void Delivery::upload(const SpooledBatch& record, const config::Secret& key) {
  std::optional<std::size_t> advised;
  {
    std::lock_guard lock(mutex_);
    advised = stats_.advised_batch_findings;
  }
  bool cut_made = false;
  auto read = planner_.progress_of(record, advised, differential(), cut_made);
  if (auto* unreadable = std::get_if<PartPlanner::Unreadable>(&read)) {
    const std::string problem =
        "spooled batch " + record.batch_id + " cannot be read: " + unreadable->problem;
    if (unreadable->damaged)
      spool_.quarantine_record(record.sequence, problem);
    else
      give_up(record, NextPart{}, ScanProgress{}, problem);
    return;
  }
  ScanProgress progress = std::get<ScanProgress>(std::move(read));
  if (progress.done()) {  // every part acknowledged; the record's deletion did not happen
    spool_.acknowledge(record.sequence);
    return;
  }
  // The cut is on disk before any part of it leaves: a restart sends the same batch_ids.
  if (cut_made) {
    if (auto saved = spool_.save_progress(record.sequence, progress); !saved)
      return spool_failure(saved.error().message);
    if (progress.parts() > 1)
      delivery_log()->info("batch {} ({} findings) cut into {} parts", record.batch_id,
                           record.finding_count, progress.parts());
  }
  const NextPart part = planner_.next(record, progress);
  const HttpAnswer answer = client_->post_json(kBatchesPath, part.body, key.reveal(), part.encoding);
  const Classified classified = classify(answer);
  if (classified.max_batch_findings) {  // an answer of the ingest, not of a proxy
    ingest_differential_ = classified.differential;
    std::lock_guard lock(mutex_);
    stats_.advised_batch_findings = classified.max_batch_findings;
  }

  switch (classified.outcome) {
    case Outcome::delivered: {
      progress.acked = part.part;
      progress.server_errors = 0;
      progress.first_server_error_at.reset();
      if (part.legacy || progress.done()) {
        if (!part.legacy) keep_baseline(progress);
        spool_.acknowledge(record.sequence);
      } else if (auto saved = spool_.save_progress(record.sequence, progress); !saved) {
        // The part goes again and is acknowledged as a duplicate.
        return spool_failure(saved.error().message);
      }
      const int failures = backoff_.failures();
      backoff_.reset();
      {
        std::lock_guard lock(mutex_);
        ++stats_.uploads_ok;
        if (classified.duplicate) ++stats_.duplicates;
        if (part.delta) ++stats_.deltas;
        stats_.last_upload_at = model::now();
        stats_.consecutive_failures = 0;
      }
      if (failures > 0) {
        log_limit_.reset("upload-retry");
        log_limit_.reset("waiting");
        delivery_log()->info("uploads go through again after {} failed attempts", failures);
      }
      delivery_log()->debug("batch {} (part {} of {}, {} items) delivered: {}", part.batch_id,
                            part.part, part.parts, part.items, classified.reason);
      pace(classified.retry_after, milliseconds(0));
      return;
    }
    case Outcome::send_whole:
      send_whole(record, part, std::move(progress), classified, true);
      return;
    case Outcome::rejected:
      // An ingest that does not know digests (one before differential uploads, put back)
      // refuses them as unknown keys: the scan goes again whole without.
      if (part.digest && !classified.differential) {
        send_whole(record, part, std::move(progress), classified, false);
        return;
      }
      give_up(record, part, progress, classified.reason);
      pace(classified.retry_after, milliseconds(0));
      return;
    case Outcome::too_large:
      if (part.delta) {
        send_whole(record, part, std::move(progress), classified, true);
        return;
      }
      on_too_large(record, part, std::move(progress), classified);
      return;
    case Outcome::server_error:
      on_server_error(record, part, std::move(progress), classified);
      return;
    case Outcome::unauthorized: {
      credentials_.refused(key, classified.reason);
      {
        std::lock_guard lock(mutex_);
        ++stats_.unauthorized;
        ++stats_.uploads_failed;
      }
      record_failure(classified.reason);
      if (const auto held = log_limit_.admit("unauthorized"))
        delivery_log()->error("the ingest refused the api key: {}; batch {} stays in the spool{}",
                              classified.reason, part.batch_id, suppressed_note(*held));
      pace(classified.retry_after, milliseconds(0));
      return;
    }
    case Outcome::retry: {
      const milliseconds wait = backoff_.next(classified.retry_after);
      {
        std::lock_guard lock(mutex_);
        ++stats_.retries;
        ++stats_.uploads_failed;
      }
      record_failure(classified.reason);
      if (const auto held = log_limit_.admit("upload-retry"))
        delivery_log()->warn("upload of batch {} failed ({}); attempt {}, next in {} ms{}",
                             part.batch_id, classified.reason, backoff_.failures(), ms(wait),
                             suppressed_note(*held));
      not_before_ = SteadyClock::now() + wait;
      return;
    }
  }
}

}  // namespace zt::transport
