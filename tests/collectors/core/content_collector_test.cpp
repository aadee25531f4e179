#include "collectors/core/content_collector.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/support/temp_tree.hpp"

using namespace zt::collector;
using zt::test::TempTree;

namespace {

// A content collector that records the files its one detector gets, and counts its runs.
class Recording : public ContentCollector, public FileDetector {
 public:
  Recording(std::vector<std::string> roots, std::vector<std::string> exclude = {},
            std::size_t head_bytes = 1u << 20) {
    options_.roots = std::move(roots);
    options_.exclude = std::move(exclude);
    options_.head_bytes = head_bytes;
    interest_.name_globs = {"*"};
  }
  Availability capabilities(const HostFs&) const override { return {true, ""}; }
  const WalkOptions& walk_options() const override { return options_; }
  std::vector<FileDetector*> start_content_run(const Context&) override {
    ++started;
    seen.clear();
    return {this};
  }
  CollectResult finish_content_run(const WalkProgress& progress) override {
    ++finished;
    CollectResult result;
    for (const std::string& path : seen) result.problems.push_back(path);
    result.inventory["walk"] = walk_progress_json(progress);
    return result;
  }
  const FileInterest& interest() const override { return interest_; }
  void inspect(const WalkedFile& file) override {
    seen.push_back(std::string(file.path) + ":" + std::to_string(file.head.size()));
  }

  WalkOptions options_;
  FileInterest interest_;
  std::vector<std::string> seen;
  int started = 0;
  int finished = 0;
};

CollectResult run(ContentCollector& collector, const HostFs& fs,
                  std::shared_ptr<ContentWalkHub> hub) {
  Context context(fs, std::chrono::steady_clock::now() + std::chrono::seconds(60),
                  std::stop_token{}, std::move(hub));
  return collector.collect(context);
}

}  // namespace

TEST_CASE("Content collectors on one hub share one walk, each within its own options",
          "[unit][content_walk]") {
  TempTree tree;
  tree.write("a/one", "11111");
  tree.write("a/cache/x", "x");
  tree.write("b/two", "2222222222");
  tree.write("c/three", "3");
  const HostFs fs(tree.root());
  auto hub = std::make_shared<ContentWalkHub>();
  Recording first({"/a"}, {"/a/cache"});
  Recording second({"/b", "/a"}, {}, 4);

  // The first joins alone; the second's first run walks for both.
  CHECK(run(first, fs, hub).problems == std::vector<std::string>{"/a/one:5"});
  const CollectResult second_result = run(second, fs, hub);
  CHECK(second_result.problems ==
        std::vector<std::string>{"/a/cache/x:1", "/a/one:4", "/b/two:4"});
  CHECK(second_result.inventory["walk"]["files_seen"] == 3);
  CHECK(first.started == 2);
  CHECK(first.finished == 2);

  // The first takes its share of that walk without walking again.
  const int second_runs = second.started;
  CHECK(run(first, fs, hub).problems == std::vector<std::string>{"/a/one:5"});
  CHECK(second.started == second_runs);
  CHECK(first.started == 2);

  // A collector that is gone leaves the hub: the next walk is the survivor's alone.
  {
    Recording third({"/c"});
    run(third, fs, hub);
  }
  CHECK(run(second, fs, hub).problems ==
        std::vector<std::string>{"/a/cache/x:1", "/a/one:4", "/b/two:4"});
}

TEST_CASE("A content collector without a hub walks alone and resumes its own walk",
          "[unit][content_walk]") {
  TempTree tree;
  for (int i = 0; i < 5; ++i) tree.write("a/f" + std::to_string(i), "x");
  const HostFs fs(tree.root());
  Recording alone({"/a"});
  alone.options_.budget.max_files = 3;
  const CollectResult cut = run(alone, fs, nullptr);
  CHECK(cut.problems == std::vector<std::string>{"/a/f0:1", "/a/f1:1", "/a/f2:1"});
  CHECK(cut.inventory["walk"]["resume_at"] == "/a/f3");
  CHECK(run(alone, fs, nullptr).problems == std::vector<std::string>{"/a/f3:1", "/a/f4:1"});
}

TEST_CASE("A shared walk's options are the union of its members'", "[unit][content_walk]") {
  WalkOptions a;
  a.roots = {"/home", "/etc"};
  a.exclude = {"*/.cache", "/etc/ssl"};
  a.budget.max_files = 10;
  a.head_bytes = 100;
  WalkOptions b;
  b.roots = {"/etc", "/opt"};
  b.exclude = {"*/.cache"};
  b.budget.max_files = 20;
  b.budget.max_depth = 3;
  b.head_bytes = 50;
  const WalkOptions merged = ContentWalkHub::merged({&a, &b});
  CHECK(merged.roots == std::vector<std::string>{"/home", "/etc", "/opt"});
  CHECK(merged.exclude == std::vector<std::string>{"*/.cache"});
  CHECK(merged.budget.max_files == 20);
  CHECK(merged.budget.max_depth == a.budget.max_depth);
  CHECK(merged.head_bytes == 100);
}

TEST_CASE("Content collectors joined before their first run share even the first walk",
          "[unit][content_walk]") {
  TempTree tree;
  tree.write("a/one", "11111");
  tree.write("b/two", "22");
  const HostFs fs(tree.root());
  auto hub = std::make_shared<ContentWalkHub>();
  Recording first({"/a"});
  Recording second({"/b"});
  hub->join(first);
  hub->join(second);
  hub->join(first);  // joining twice changes nothing

  CHECK(run(first, fs, hub).problems == std::vector<std::string>{"/a/one:5"});
  CHECK(second.started == 1);  // its detector was in that walk
  CHECK(run(second, fs, hub).problems == std::vector<std::string>{"/b/two:2"});
  CHECK(second.started == 1);  // and it did not walk again
  CHECK(first.started == 1);
}

TEST_CASE("A hub with a cursor store resumes a cut walk after a restart, and saves each new "
          "cursor",
          "[unit][content_walk]") {
  TempTree tree;
  for (int i = 0; i < 5; ++i) tree.write("a/f" + std::to_string(i), "x");
  const HostFs fs(tree.root());
  std::vector<std::string> saved;
  auto store = [&saved] {
    return ContentWalkHub::CursorStore{
        [&saved] { return saved.empty() ? std::string() : saved.back(); },
        [&saved](const std::string& cursor) { saved.push_back(cursor); }};
  };
  {
    auto hub = std::make_shared<ContentWalkHub>(store());
    Recording first({"/a"});
    first.options_.budget.max_files = 2;
    CHECK(run(first, fs, hub).problems == std::vector<std::string>{"/a/f0:1", "/a/f1:1"});
  }
  CHECK(saved == std::vector<std::string>{"/a/f2"});
  // Another hub (the agent restarted) with the same store starts where the first stopped.
  auto hub = std::make_shared<ContentWalkHub>(store());
  Recording again({"/a"});
  again.options_.budget.max_files = 2;
  CHECK(run(again, fs, hub).problems == std::vector<std::string>{"/a/f2:1", "/a/f3:1"});
  CHECK(run(again, fs, hub).problems == std::vector<std::string>{"/a/f4:1"});
  CHECK(saved == std::vector<std::string>{"/a/f2", "/a/f4", ""});
}
