#pragma once
// A content collector: one whose findings come from the content walk (content_walk.hpp). It
// gives its detectors for a run and makes its result from what they found; `collect` does the
// walking, so that the agent can walk ONCE for every content collector:
//
//   - with a ContentWalkHub in the Context (the agent's CollectorRunner gives one per host),
//     the first content collector to run walks for every content collector that has joined
//     the hub (each joins at its first run), with all their detectors, and the others take
//     their share of that walk at their next run instead of walking again;
//   - without one (tests, tools), it walks alone with its own options.
//
// How a collector subscribes (collectors/privacy is one):
//   class MyCollector : public collector::ContentCollector {
//     const WalkOptions& walk_options() const override;           // its roots, budget, …
//     std::vector<FileDetector*> start_content_run(const Context&) override;  // state reset
//     CollectResult finish_content_run(const WalkProgress&) override;  // findings from them
//     Availability capabilities(const HostFs&) const override;
//   };
//
// A shared walk covers the union of the members' roots, skips only what every member excludes,
// and has the largest of their budgets and head sizes; each member's detectors still see only
// files under its own roots, outside its own exclusions, and at most its own head size.
// Threads: the hub runs one walk at a time (a second member waits for the first's walk and
// takes its share); a collector leaves its hub when it is destroyed.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "collectors/core/collector.hpp"
#include "collectors/core/content_walk.hpp"

namespace zt::collector {

class ContentWalkHub;

class ContentCollector : public Collector {
 public:
  ~ContentCollector() override;
  CollectResult collect(Context& context) final;

  virtual const WalkOptions& walk_options() const = 0;
  // The detectors of one run, their findings of the run before cleared. The context is the
  // run's (in a shared walk, the run of the member that walks): its HostFs is this host's.
  virtual std::vector<FileDetector*> start_content_run(const Context& context) = 0;
  virtual CollectResult finish_content_run(const WalkProgress& progress) = 0;

 private:
  friend class ContentWalkHub;
  std::string cursor_;  // where its own walk resumes
  std::weak_ptr<ContentWalkHub> hub_;
};

class ContentWalkHub : public std::enable_shared_from_this<ContentWalkHub> {
 public:
  // Where the shared walk's cursor is kept between runs of the program (the agent keeps it in
  // its state folder), so that a restart in the middle of a long walk resumes it. Without one
  // a new hub walks from the start.
  struct CursorStore {
    std::function<std::string()> load;
    std::function<void(const std::string& cursor)> save;
  };

  ContentWalkHub() = default;
  explicit ContentWalkHub(CursorStore store);

  // Makes `member` one of those the next walk is for, before its first run (the agent joins
  // every content collector it will run, so that even the first walk is shared).
  void join(ContentCollector& member);
  CollectResult run(ContentCollector& member, const Context& context);
  void leave(const ContentCollector& member);
  // The options of a walk for all these members (see the header comment).
  static WalkOptions merged(const std::vector<const WalkOptions*>& options);

 private:
  void join_locked(ContentCollector& member);

  std::mutex mutex_;
  std::vector<ContentCollector*> members_;
  std::map<const ContentCollector*, CollectResult> pending_;
  std::string cursor_;
  CursorStore store_;
};

// The detectors a collector owns for a run, as start_content_run answers them.
std::vector<FileDetector*> detector_pointers(
    const std::vector<std::unique_ptr<FileDetector>>& owned);

// The walk's progress as a collector's inventory shows it ("walk": {...}).
nlohmann::json walk_progress_json(const WalkProgress& progress);
// "the content walk stopped at <path> (<reason>) after N files; the next run resumes there",
// or nothing when the walk was complete; the walk's own problems follow.
std::vector<std::string> walk_problems(const WalkProgress& progress);

}  // namespace zt::collector
