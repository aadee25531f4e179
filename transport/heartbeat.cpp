#include "transport/heartbeat.hpp"

#include <algorithm>
#include <exception>
#include <nlohmann/json.hpp>
#include <utility>

#include "transport/upload_outcome.hpp"

namespace zt::transport {
namespace {

constexpr std::chrono::seconds kMinAdvisedInterval{1};
constexpr std::chrono::seconds kMaxAdvisedInterval{3600};

// The interval the ingest advises in a 2xx answer, when it gives a sensible one.
std::optional<std::chrono::seconds> advised_interval(const std::string& body) {
  const auto document = nlohmann::json::parse(body, nullptr, false);
  if (!document.is_object()) return std::nullopt;
  const auto found = document.find("heartbeat_interval_seconds");
  if (found == document.end() || !found->is_number_integer()) return std::nullopt;
  const std::chrono::seconds advised(found->get<std::int64_t>());
  if (advised < kMinAdvisedInterval || advised > kMaxAdvisedInterval) return std::nullopt;
  return advised;
}

}  // namespace

Heartbeat::Heartbeat(std::chrono::seconds interval, std::unique_ptr<IngestClient> client,
                     Spool& spool, Credentials& credentials, model::MachineIdentity identity,
                     AgentInfoProvider agent_info, StatsProvider stats,
                     std::function<void()> on_key_event)
    : client_(std::move(client)),
      spool_(spool),
      credentials_(credentials),
      identity_(std::move(identity)),
      agent_info_(std::move(agent_info)),
      stats_(std::move(stats)),
      on_key_event_(std::move(on_key_event)),
      interval_(interval) {}

Heartbeat::~Heartbeat() { stop(); }

void Heartbeat::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable() || stop_) return;
  thread_ = std::thread([this] { run(); });
}

void Heartbeat::stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Heartbeat::poke() {
  {
    std::lock_guard lock(mutex_);
    poked_ = true;
  }
  wake_.notify_all();
}

void Heartbeat::fill(DeliveryStats& stats) const {
  std::lock_guard lock(mutex_);
  stats.heartbeats_ok = ok_;
  stats.heartbeats_failed = failed_;
  stats.unauthorized += unauthorized_;
  stats.last_heartbeat_at = last_ok_at_;
  stats.heartbeat_interval = interval_;
}

void Heartbeat::run() {
  auto next = std::chrono::steady_clock::now();  // the first beat at once
  std::unique_lock lock(mutex_);
  while (!stop_) {
    wake_.wait_until(lock, next, [&] { return stop_ || poked_; });
    if (stop_) break;
    const bool due = std::chrono::steady_clock::now() >= next || (poked_ && skipped_);
    poked_ = false;
    if (!due) continue;
    lock.unlock();
    const std::chrono::milliseconds wait = beat(*client_);
    lock.lock();
    next = std::chrono::steady_clock::now() + wait;
  }
}

bool Heartbeat::farewell(IngestClient& client) {
  if (!credentials_.key()) return false;
  const std::uint64_t before = [&] {
    std::lock_guard lock(mutex_);
    return ok_;
  }();
  beat(client, model::AgentStatus::stopping);
  std::lock_guard lock(mutex_);
  return ok_ > before;
}

std::chrono::milliseconds Heartbeat::beat(IngestClient& client,
                                          std::optional<model::AgentStatus> status) {
  std::chrono::seconds interval;
  {
    std::lock_guard lock(mutex_);
    interval = interval_;
  }
  const std::optional<config::Secret> key = credentials_.current_key();
  {
    std::lock_guard lock(mutex_);
    skipped_ = !key;
  }
  if (!key) {
    delivery_log()->debug("heartbeat skipped: no api key yet");
    return interval;
  }

  // The spool's stats first: the drop record cleared after a 2xx is the one sent.
  const SpoolStats spool = spool_.stats();
  model::AgentInfo agent;
  try {
    agent = agent_info_();
  } catch (const std::exception& e) {
    if (const auto held = log_limit_.admit("heartbeat-info"))
      delivery_log()->warn("heartbeat without the agent's own metrics: the agent's info is not "
                           "available ({}){}",
                           e.what(), suppressed_note(*held));
  }
  const std::string body =
      model::to_json(heartbeat_body(agent, stats_(), spool, status, identity_)).dump();
  const HttpAnswer answer = client.post_json(kHeartbeatPath, body, key->reveal());
  const Classified classified = classify(answer);

  // The next beat after the interval in force, and never before a Retry-After.
  const auto wait_after = [&](std::chrono::seconds in_force) -> std::chrono::milliseconds {
    return std::max(in_force, classified.retry_after.value_or(std::chrono::seconds(0)));
  };
  switch (classified.outcome) {
    case Outcome::delivered: {
      if (spool.dropped.batches > 0) spool_.clear_reported_drops(spool.dropped);
      const auto advised = advised_interval(answer.body);
      {
        std::lock_guard lock(mutex_);
        ++ok_;
        last_ok_at_ = model::now();
        if (advised) interval_ = *advised;
      }
      log_limit_.reset("heartbeat-failed");
      log_limit_.reset("heartbeat-unauthorized");
      if (credentials_.confirmed(*key)) {
        delivery_log()->info("the ingest accepts the api key again (heartbeat answered {})",
                             classified.reason);
        if (on_key_event_) on_key_event_();
      }
      delivery_log()->debug("heartbeat sent ({})", classified.reason);
      return wait_after(advised.value_or(interval));
    }
    case Outcome::unauthorized: {
      {
        std::lock_guard lock(mutex_);
        ++failed_;
        ++unauthorized_;
      }
      credentials_.refused(*key, classified.reason);
      if (const auto held = log_limit_.admit("heartbeat-unauthorized"))
        delivery_log()->error("the ingest refused the api key with a heartbeat: {}{}",
                              classified.reason, suppressed_note(*held));
      if (on_key_event_) on_key_event_();
      return wait_after(interval);
    }
    case Outcome::rejected:
    case Outcome::too_large:
    case Outcome::send_whole:
    case Outcome::server_error:
    case Outcome::retry: {
      {
        std::lock_guard lock(mutex_);
        ++failed_;
      }
      if (const auto held = log_limit_.admit("heartbeat-failed"))
        delivery_log()->warn("heartbeat not accepted ({}): {}{}", to_string(classified.outcome),
                             classified.reason, suppressed_note(*held));
      return wait_after(interval);
    }
  }
  return wait_after(interval);
}

}  // namespace zt::transport
