#pragma once
// CollectorRunner: runs collectors off the event loop, at most N at a time, each with a
// deadline, and reports every run's outcome on the io_context's thread.
//
// Each run gets its own thread at lowered CPU and IO priority. A run that throws is
// "failed"; one that passes its deadline is asked to stop and abandoned ("timed_out"): its
// thread may go on, so the collector stays busy and a new run of it is "skipped" until that
// thread ends. Every string a collector returns (findings, dependencies, inventory,
// problems) is made valid UTF-8 (collectors/core/utf8.hpp), so collectors need not, and
// nothing a collector throws escapes its thread: the run is "failed" with the exception's
// message. Findings a collector returns are then checked (validation.hpp); bad ones are
// dropped and reported, making the run "partial". Accepted findings get their fingerprint and
// a default risk score. Content collectors (privacy, …) share one walk of the host's files
// per cycle through the runner's ContentWalkHub. All members must be called on the
// io_context's thread.
#include <boost/asio/io_context.hpp>
#include <atomic>
#include <chrono>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "collectors/core/collector.hpp"
#include "collectors/core/content_collector.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::agent {

// One collector instance and what the runner needs to know about it.
struct CollectorSlot {
  const collector::CollectorDescriptor* descriptor = nullptr;
  std::shared_ptr<collector::Collector> instance;
  std::chrono::seconds timeout{300};
  // True while a thread is inside instance->collect(); shared so a reload keeps it.
  std::shared_ptr<std::atomic<bool>> busy = std::make_shared<std::atomic<bool>>(false);
};

enum class RunOutcome { completed, partial, failed, timed_out, skipped };
std::string_view to_string(RunOutcome outcome);

struct CollectorRun {
  std::string name;
  model::Category category = model::Category::system;
  RunOutcome outcome = RunOutcome::completed;
  std::vector<std::string> errors;
  std::chrono::milliseconds duration{0};
  model::Timestamp started{};
  collector::CollectResult result;
};

struct ThreadPriority {
  int nice = 10;
  bool idle_io = true;
};

class CollectorRunner : public std::enable_shared_from_this<CollectorRunner> {
 public:
  using Done = std::function<void(CollectorRun)>;

  // Held by shared_ptr: a run's thread reports back through a weak reference to it.
  CollectorRunner(std::shared_ptr<boost::asio::io_context> io,
                  std::shared_ptr<const collector::HostFs> fs, std::string agent_identity,
                  int max_concurrent, ThreadPriority priority);
  ~CollectorRunner();

  void submit(std::shared_ptr<CollectorSlot> slot, Done done);
  void set_max_concurrent(int max_concurrent);
  void set_host(std::shared_ptr<const collector::HostFs> fs, std::string agent_identity);
  // Keeps the shared walk's cursor in `state_dir` (walk_cursor_file.hpp), so that a restarted
  // daemon resumes a cut walk; a runner without one (the one-shot scan) walks from the start.
  void keep_walk_cursor_in(std::filesystem::path state_dir);
  // Asks every run in progress to stop and drops queued ones (reported as skipped).
  void stop_all();
  std::size_t in_flight() const { return active_.size(); }
  std::size_t queued() const { return queue_.size(); }

 private:
  struct Pending {
    std::shared_ptr<CollectorSlot> slot;
    Done done;
  };
  struct Active;

  void start_next();
  void start(Pending pending);
  void on_deadline(std::uint64_t id);
  void on_finished(std::uint64_t id, CollectorRun run);
  void complete(std::map<std::uint64_t, Active>::iterator it, CollectorRun run);
  CollectorRun checked(CollectorRun run) const;
  std::shared_ptr<collector::ContentWalkHub> new_hub() const;

  std::shared_ptr<boost::asio::io_context> io_;
  std::shared_ptr<const collector::HostFs> fs_;
  // One per host: the content collectors' shared walk of its files (content_collector.hpp).
  std::shared_ptr<collector::ContentWalkHub> content_walk_;
  std::optional<std::filesystem::path> cursor_dir_;
  std::string agent_identity_;
  std::size_t max_concurrent_;
  ThreadPriority priority_;
  std::uint64_t next_id_ = 0;
  std::deque<Pending> queue_;
  std::map<std::uint64_t, Active> active_;
};

}  // namespace zt::agent
