#include "collectors/core/content_collector.hpp"

#include <algorithm>

namespace zt::collector {
namespace {

bool under_root(std::string_view path, std::string_view root) {
  while (root.size() > 1 && root.ends_with('/')) root.remove_suffix(1);
  if (root == "/") return true;
  return path.starts_with(root) && (path.size() == root.size() || path[root.size()] == '/');
}

// A member's detector in a shared walk: it sees only what its own options would have walked.
class ScopedDetector : public FileDetector {
 public:
  ScopedDetector(FileDetector& inner, const WalkOptions& scope) : inner_(inner), scope_(scope) {}
  const FileInterest& interest() const override { return inner_.interest(); }
  void inspect(const WalkedFile& file) override {
    if (!in_scope(file.path)) return;
    if (file.head.size() <= scope_.head_bytes) return inner_.inspect(file);
    WalkedFile shorter = file;
    shorter.head = file.head.substr(0, scope_.head_bytes);
    shorter.truncated = true;
    inner_.inspect(shorter);
  }

 private:
  bool in_scope(std::string_view path) const {
    if (std::none_of(scope_.roots.begin(), scope_.roots.end(),
                     [&](const std::string& root) { return under_root(path, root); }))
      return false;
    for (std::size_t slash = path.find('/', 1); slash != std::string_view::npos;
         slash = path.find('/', slash + 1))
      if (path_excluded(scope_.exclude, path.substr(0, slash))) return false;
    return !path_excluded(scope_.exclude, path);
  }

  FileDetector& inner_;
  const WalkOptions& scope_;
};

std::function<bool()> stop_of(const Context& context) {
  return [&context] { return context.should_stop(); };
}

}  // namespace

ContentCollector::~ContentCollector() {
  if (auto hub = hub_.lock()) hub->leave(*this);
}

CollectResult ContentCollector::collect(Context& context) {
  if (const auto& hub = context.content_walk()) return hub->run(*this, context);
  const std::vector<FileDetector*> detectors = start_content_run(context);
  const WalkProgress progress =
      walk_content(context.fs(), walk_options(), detectors, cursor_, stop_of(context));
  cursor_ = progress.resume_at;
  return finish_content_run(progress);
}

ContentWalkHub::ContentWalkHub(CursorStore store) : store_(std::move(store)) {
  if (store_.load) cursor_ = store_.load();
}

void ContentWalkHub::join(ContentCollector& member) {
  const std::lock_guard lock(mutex_);
  join_locked(member);
}

void ContentWalkHub::join_locked(ContentCollector& member) {
  if (std::find(members_.begin(), members_.end(), &member) != members_.end()) return;
  members_.push_back(&member);
  member.hub_ = weak_from_this();
}

CollectResult ContentWalkHub::run(ContentCollector& member, const Context& context) {
  const std::lock_guard lock(mutex_);
  join_locked(member);
  // Another member's walk since this one's last run included its detectors: take that.
  if (auto it = pending_.find(&member); it != pending_.end()) {
    CollectResult result = std::move(it->second);
    pending_.erase(it);
    return result;
  }
  std::vector<const WalkOptions*> options;
  std::vector<std::unique_ptr<ScopedDetector>> scoped;
  std::vector<FileDetector*> detectors;
  for (ContentCollector* each : members_) {
    options.push_back(&each->walk_options());
    for (FileDetector* detector : each->start_content_run(context)) {
      scoped.push_back(std::make_unique<ScopedDetector>(*detector, each->walk_options()));
      detectors.push_back(scoped.back().get());
    }
  }
  const WalkProgress progress =
      walk_content(context.fs(), merged(options), detectors, cursor_, stop_of(context));
  if (progress.resume_at != cursor_ && store_.save) store_.save(progress.resume_at);
  cursor_ = progress.resume_at;
  CollectResult own;
  for (ContentCollector* each : members_) {
    if (each == &member) own = each->finish_content_run(progress);
    else pending_[each] = each->finish_content_run(progress);
  }
  return own;
}

void ContentWalkHub::leave(const ContentCollector& member) {
  const std::lock_guard lock(mutex_);
  std::erase(members_, &member);
  pending_.erase(&member);
}

WalkOptions ContentWalkHub::merged(const std::vector<const WalkOptions*>& options) {
  WalkOptions walk;
  walk.roots.clear();
  walk.head_bytes = 0;
  walk.budget = {0, 0, 0, std::chrono::milliseconds(0)};
  for (const WalkOptions* each : options) {
    for (const std::string& root : each->roots)
      if (std::find(walk.roots.begin(), walk.roots.end(), root) == walk.roots.end())
        walk.roots.push_back(root);
    walk.cross_filesystems = walk.cross_filesystems || each->cross_filesystems;
    walk.head_bytes = std::max(walk.head_bytes, each->head_bytes);
    walk.budget.max_files = std::max(walk.budget.max_files, each->budget.max_files);
    walk.budget.max_bytes = std::max(walk.budget.max_bytes, each->budget.max_bytes);
    walk.budget.max_depth = std::max(walk.budget.max_depth, each->budget.max_depth);
    walk.budget.max_time = std::max(walk.budget.max_time, each->budget.max_time);
  }
  // Only what every member excludes is left out of the walk.
  if (!options.empty())
    for (const std::string& glob : options.front()->exclude)
      if (std::all_of(options.begin(), options.end(), [&](const WalkOptions* each) {
            return std::find(each->exclude.begin(), each->exclude.end(), glob) !=
                   each->exclude.end();
          }))
        walk.exclude.push_back(glob);
  return walk;
}

nlohmann::json walk_progress_json(const WalkProgress& progress) {
  nlohmann::json skipped = nlohmann::json::object();
  for (const auto& [reason, count] : progress.skipped) skipped[reason] = count;
  nlohmann::json json = {{"complete", progress.complete},
                         {"files_seen", progress.files_seen},
                         {"files_read", progress.files_read},
                         {"bytes_read", progress.bytes_read},
                         {"dirs", progress.dirs},
                         {"skipped", std::move(skipped)},
                         {"elapsed_ms", progress.elapsed.count()}};
  if (!progress.complete) {
    json["stop_reason"] = progress.stop_reason;
    json["resume_at"] = progress.resume_at;
  }
  return json;
}

std::vector<FileDetector*> detector_pointers(
    const std::vector<std::unique_ptr<FileDetector>>& owned) {
  std::vector<FileDetector*> out;
  for (const auto& d : owned) out.push_back(d.get());
  return out;
}

std::vector<std::string> walk_problems(const WalkProgress& progress) {
  std::vector<std::string> problems;
  if (!progress.complete)
    problems.push_back("the content walk stopped at " + progress.resume_at + " (" +
                       progress.stop_reason + ") after " + std::to_string(progress.files_seen) +
                       " files; the next run resumes there");
  problems.insert(problems.end(), progress.problems.begin(), progress.problems.end());
  return problems;
}

}  // namespace zt::collector
