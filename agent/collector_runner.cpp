#include "agent/collector_runner.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <set>
#include <spdlog/spdlog.h>
#include <stop_token>
#include <thread>

#include "agent/logging.hpp"
#include "agent/thread_priority.hpp"
#include "agent/walk_cursor_file.hpp"
#include "collectors/core/content_collector.hpp"
#include "collectors/core/utf8.hpp"
#include "schema-client/model/digest.hpp"
#include "schema-client/model/fingerprint.hpp"
#include "schema-client/model/validation.hpp"

namespace zt::agent {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

struct CollectorRunner::Active {
  std::shared_ptr<CollectorSlot> slot;
  Done done;
  std::stop_source stop;
  std::unique_ptr<asio::steady_timer> deadline;
  model::Timestamp started;
};

std::string_view to_string(RunOutcome outcome) {
  switch (outcome) {
    case RunOutcome::completed: return "completed";
    case RunOutcome::partial: return "partial";
    case RunOutcome::failed: return "failed";
    case RunOutcome::timed_out: return "timed_out";
    case RunOutcome::skipped: return "skipped";
  }
  return "failed";
}

CollectorRunner::CollectorRunner(std::shared_ptr<asio::io_context> io,
                                 std::shared_ptr<const collector::HostFs> fs,
                                 std::string agent_identity, int max_concurrent,
                                 ThreadPriority priority)
    : io_(std::move(io)),
      fs_(std::move(fs)),
      content_walk_(std::make_shared<collector::ContentWalkHub>()),
      agent_identity_(std::move(agent_identity)),
      max_concurrent_(static_cast<std::size_t>(std::max(1, max_concurrent))),
      priority_(priority) {}

CollectorRunner::~CollectorRunner() = default;

void CollectorRunner::submit(std::shared_ptr<CollectorSlot> slot, Done done) {
  if (auto* content = dynamic_cast<collector::ContentCollector*>(slot->instance.get()))
    content_walk_->join(*content);
  queue_.push_back({std::move(slot), std::move(done)});
  start_next();
}

void CollectorRunner::set_max_concurrent(int max_concurrent) {
  max_concurrent_ = static_cast<std::size_t>(std::max(1, max_concurrent));
  start_next();
}

void CollectorRunner::set_host(std::shared_ptr<const collector::HostFs> fs,
                               std::string agent_identity) {
  const bool other_host = !fs || !fs_ || fs->root() != fs_->root();
  fs_ = std::move(fs);
  agent_identity_ = std::move(agent_identity);
  if (other_host) content_walk_ = new_hub();
}

void CollectorRunner::keep_walk_cursor_in(std::filesystem::path state_dir) {
  if (cursor_dir_ == state_dir) return;
  cursor_dir_ = std::move(state_dir);
  content_walk_ = new_hub();
}

std::shared_ptr<collector::ContentWalkHub> CollectorRunner::new_hub() const {
  if (!cursor_dir_ || !fs_) return std::make_shared<collector::ContentWalkHub>();
  return std::make_shared<collector::ContentWalkHub>(walk_cursor_store(*cursor_dir_, fs_->root()));
}

void CollectorRunner::stop_all() {
  for (auto& [id, active] : active_) active.stop.request_stop();
  std::deque<Pending> dropped;
  dropped.swap(queue_);
  for (Pending& p : dropped) {
    CollectorRun run;
    run.name = std::string(p.slot->descriptor->name);
    run.category = p.slot->descriptor->category;
    run.outcome = RunOutcome::skipped;
    run.started = model::now();
    run.errors.push_back("not started: the agent is stopping");
    p.done(std::move(run));
  }
}

void CollectorRunner::start_next() {
  while (active_.size() < max_concurrent_ && !queue_.empty()) {
    Pending next = std::move(queue_.front());
    queue_.pop_front();
    start(std::move(next));
  }
}

void CollectorRunner::start(Pending pending) {
  const auto& slot = pending.slot;
  if (slot->busy->exchange(true)) {
    CollectorRun run;
    run.name = std::string(slot->descriptor->name);
    run.category = slot->descriptor->category;
    run.outcome = RunOutcome::skipped;
    run.started = model::now();
    run.errors.push_back("not started: its previous run overran its deadline and is still going");
    asio::post(*io_, [done = std::move(pending.done), run = std::move(run)]() mutable {
      done(std::move(run));
    });
    return;
  }
  const std::uint64_t id = next_id_++;
  Active& active = active_[id];
  active.slot = slot;
  active.done = std::move(pending.done);
  active.started = model::now();
  logger("runner")->debug("collector {} run started", slot->descriptor->name);
  active.deadline = std::make_unique<asio::steady_timer>(*io_, slot->timeout);
  const std::weak_ptr<CollectorRunner> weak = weak_from_this();
  active.deadline->async_wait([weak, id](const boost::system::error_code& ec) {
    if (auto self = weak.lock(); self && !ec) self->on_deadline(id);
  });

  std::thread([io = io_, fs = fs_, hub = content_walk_, slot, weak, id,
               stop = active.stop.get_token(),
               deadline = Clock::now() + slot->timeout, started = active.started,
               priority = priority_] {
    if (std::string problem = lower_thread_priority(priority.nice, priority.idle_io);
        !problem.empty())
      logger("runner")->debug("could not lower the priority of a collector thread: {}", problem);
    CollectorRun run;
    run.name = std::string(slot->descriptor->name);
    run.category = slot->descriptor->category;
    run.started = started;
    const auto t0 = Clock::now();
    collector::Context context(*fs, deadline, stop, hub);
    try {
      run.result = slot->instance->collect(context);
    } catch (const std::exception& e) {
      run.outcome = RunOutcome::failed;
      run.errors.push_back(std::string("collector failed: ") + e.what());
    } catch (...) {
      run.outcome = RunOutcome::failed;
      run.errors.push_back("collector failed with an exception that is not a std::exception");
    }
    run.duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0);
    model::release_digest_thread_state();  // this thread ends here (privacy, web3 hash)
    slot->busy->store(false);
    asio::post(*io, [weak, id, run = std::move(run)]() mutable {
      if (auto self = weak.lock()) self->on_finished(id, std::move(run));
    });
  }).detach();
}

void CollectorRunner::on_deadline(std::uint64_t id) {
  auto it = active_.find(id);
  if (it == active_.end()) return;
  it->second.stop.request_stop();
  CollectorRun run;
  run.name = std::string(it->second.slot->descriptor->name);
  run.category = it->second.slot->descriptor->category;
  run.outcome = RunOutcome::timed_out;
  run.started = it->second.started;
  run.duration = std::chrono::duration_cast<std::chrono::milliseconds>(it->second.slot->timeout);
  run.errors.push_back("did not finish within its timeout of " +
                       std::to_string(it->second.slot->timeout.count()) +
                       " s; abandoned, its results are discarded");
  complete(it, std::move(run));
}

void CollectorRunner::on_finished(std::uint64_t id, CollectorRun run) {
  auto it = active_.find(id);
  if (it == active_.end()) return;  // it overran its deadline and was reported then
  it->second.deadline->cancel();
  complete(it, checked(std::move(run)));
}

void CollectorRunner::complete(std::map<std::uint64_t, Active>::iterator it, CollectorRun run) {
  Done done = std::move(it->second.done);
  active_.erase(it);
  done(std::move(run));
  start_next();
}

CollectorRun CollectorRunner::checked(CollectorRun run) const {
  if (run.outcome == RunOutcome::failed) {
    run.result = {};
    return run;
  }
  auto& result = run.result;
  // Collectors copy the host's bytes as they read them; JSON needs UTF-8.
  collector::make_valid_utf8(result);
  for (std::string& problem : result.problems) run.errors.push_back(std::move(problem));
  result.problems.clear();

  std::vector<model::Finding> accepted;
  std::set<std::string> fingerprints;
  for (std::size_t i = 0; i < result.findings.size(); ++i) {
    model::Finding& f = result.findings[i];
    const std::string where = "finding " + std::to_string(i) + " (\"" + f.title + "\")";
    if (f.category != run.category) {
      run.errors.push_back(where + ": category " + std::string(model::to_string(f.category)) +
                           " is not the collector's (" +
                           std::string(model::to_string(run.category)) + "); dropped");
      continue;
    }
    if (auto problems = model::finding_problems(f, "$"); !problems.empty()) {
      run.errors.push_back(where + ": " + model::to_string(problems.front()) + "; dropped");
      continue;
    }
    f.fingerprint = model::compute_fingerprint(agent_identity_, f);
    if (!fingerprints.insert(f.fingerprint).second) {
      run.errors.push_back(where + ": same identifying fields as an earlier finding; dropped");
      continue;
    }
    if (f.risk_score == 0.0) f.risk_score = model::default_risk_score(f.severity);
    accepted.push_back(std::move(f));
  }
  result.findings = std::move(accepted);

  std::erase_if(result.dependencies, [&](const model::Dependency& d) {
    if (!d.name.empty()) return false;
    run.errors.push_back("a dependency without a name; dropped");
    return true;
  });
  if (!run.errors.empty()) run.outcome = RunOutcome::partial;
  return run;
}

}  // namespace zt::agent
