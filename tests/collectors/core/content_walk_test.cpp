#include "collectors/core/content_walk.hpp"

#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/temp_tree.hpp"

using namespace zt::collector;
using zt::test::TempTree;

namespace {

// Records every file the walk hands it.
class Recorder : public FileDetector {
 public:
  explicit Recorder(FileInterest interest) : interest_(std::move(interest)) {}
  const FileInterest& interest() const override { return interest_; }
  void inspect(const WalkedFile& file) override {
    paths.emplace_back(file.path);
    heads.emplace_back(file.head);
    truncated.push_back(file.truncated);
    modes.push_back(file.info.mode);
  }
  std::set<std::string> path_set() const { return {paths.begin(), paths.end()}; }

  std::vector<std::string> paths;
  std::vector<std::string> heads;
  std::vector<bool> truncated;
  std::vector<std::uint32_t> modes;

 private:
  FileInterest interest_;
};

FileInterest every_file() {
  FileInterest interest;
  interest.name_globs = {"*"};
  interest.content = ContentKind::any;
  return interest;
}

WalkOptions under(std::vector<std::string> roots) {
  WalkOptions options;
  options.roots = std::move(roots);
  return options;
}

WalkProgress walk(const HostFs& fs, const WalkOptions& options, FileDetector& detector,
                  std::string_view cursor = {}) {
  const std::vector<FileDetector*> detectors{&detector};
  return walk_content(fs, options, detectors, cursor);
}

std::uint64_t skipped(const WalkProgress& progress, std::string_view reason) {
  const auto it = progress.skipped.find(std::string(reason));
  return it == progress.skipped.end() ? 0 : it->second;
}

// 5 folders of 10 files under /data, and 3 files under /more: 53 host paths.
std::set<std::string> plant_tree(const TempTree& tree) {
  std::set<std::string> paths;
  for (int d = 0; d < 5; ++d)
    for (int f = 0; f < 10; ++f) {
      const std::string path = "/data/d" + std::to_string(d) + "/f" + std::to_string(f);
      tree.write(path.substr(1), "file " + path + "\n");
      paths.insert(path);
    }
  for (const char* name : {"/more/a", "/more/b/c", "/more/z"}) {
    tree.write(std::string(name).substr(1), "x\n");
    paths.insert(name);
  }
  return paths;
}

}  // namespace

TEST_CASE("The walk hands every wanted file once, in name order", "[unit][content_walk]") {
  TempTree tree;
  const std::set<std::string> planted = plant_tree(tree);
  const HostFs fs(tree.root());
  Recorder all(every_file());
  const WalkProgress progress = walk(fs, under({"/data", "/more", "/absent"}), all);
  CHECK(progress.complete);
  CHECK(progress.resume_at.empty());
  CHECK(progress.stop_reason.empty());
  CHECK(all.paths.size() == planted.size());
  CHECK(all.path_set() == planted);
  CHECK(std::is_sorted(all.paths.begin(), all.paths.end()));
  CHECK(progress.files_seen == planted.size());
  CHECK(progress.files_read == planted.size());
  CHECK(progress.dirs == 1 + 5 + 1 + 1);
  CHECK(progress.problems.empty());
}

TEST_CASE("A root under another root is walked once", "[unit][content_walk]") {
  TempTree tree;
  const std::set<std::string> planted = plant_tree(tree);
  const HostFs fs(tree.root());
  Recorder all(every_file());
  walk(fs, under({"/data/d1", "/data", "/data"}), all);
  CHECK(all.paths.size() == 50);
}

TEST_CASE("A walk cut by its file budget resumes where it stopped", "[unit][content_walk]") {
  TempTree tree;
  const std::set<std::string> planted = plant_tree(tree);
  const HostFs fs(tree.root());
  WalkOptions options = under({"/data", "/more"});
  options.budget.max_files = 17;

  std::vector<std::string> union_of_runs;
  std::string cursor;
  int runs = 0;
  for (bool complete = false; !complete; ++runs) {
    REQUIRE(runs < 10);
    Recorder part(every_file());
    const WalkProgress progress = walk(fs, options, part, cursor);
    CHECK(progress.files_seen <= 17);
    CHECK(part.paths.size() == progress.files_seen);
    complete = progress.complete;
    if (!complete) {
      CHECK(progress.stop_reason == "file budget");
      CHECK(progress.files_seen == 17);
      CHECK_FALSE(progress.resume_at.empty());
    }
    cursor = progress.resume_at;
    union_of_runs.insert(union_of_runs.end(), part.paths.begin(), part.paths.end());
  }
  CHECK(runs == 4);  // 17 + 17 + 17 + 2
  CHECK(union_of_runs.size() == planted.size());  // no file twice
  CHECK(std::set<std::string>(union_of_runs.begin(), union_of_runs.end()) == planted);

  // The next run after a complete one starts over.
  Recorder again(every_file());
  options.budget.max_files = 1000;
  walk(fs, options, again, cursor);
  CHECK(again.path_set() == planted);
}

TEST_CASE("A cursor the roots do not hold starts the walk over", "[unit][content_walk]") {
  TempTree tree;
  const std::set<std::string> planted = plant_tree(tree);
  const HostFs fs(tree.root());
  Recorder all(every_file());
  walk(fs, under({"/data", "/more"}), all, "/elsewhere/x");
  CHECK(all.path_set() == planted);
}

TEST_CASE("The byte and time budgets stop the walk", "[unit][content_walk]") {
  TempTree tree;
  plant_tree(tree);
  const HostFs fs(tree.root());
  WalkOptions options = under({"/data"});
  options.budget.max_bytes = 1;
  Recorder bytes(every_file());
  const WalkProgress by_bytes = walk(fs, options, bytes);
  CHECK_FALSE(by_bytes.complete);
  CHECK(by_bytes.stop_reason == "byte budget");
  CHECK(bytes.paths == std::vector<std::string>{"/data/d0/f0"});
  CHECK(by_bytes.resume_at == "/data/d0/f1");

  options.budget.max_bytes = 1u << 20;
  options.budget.max_time = std::chrono::milliseconds(0);
  Recorder timed(every_file());
  const WalkProgress by_time = walk(fs, options, timed);
  CHECK(by_time.stop_reason == "time budget");
  CHECK(timed.paths.empty());
  CHECK(by_time.resume_at == "/data/d0");

  options.budget.max_time = std::chrono::minutes(1);
  Recorder stopped(every_file());
  const std::vector<FileDetector*> detectors{&stopped};
  const WalkProgress by_stop = walk_content(fs, options, detectors, {}, [] { return true; });
  CHECK(by_stop.stop_reason == "stopped");
  CHECK(stopped.paths.empty());
}

TEST_CASE("Symlinks are never followed, in the root or out of it", "[unit][content_walk]") {
  TempTree outside;
  outside.write("secret.txt", "outside the root\n");
  TempTree tree;
  tree.write("data/real.txt", "inside\n");
  tree.symlink("..", "data/loop");                                          // a loop
  tree.symlink("/", "data/root");                                           // the root again
  tree.symlink(outside.root().string(), "data/out_abs");                    // out, absolute
  tree.symlink("../../" + outside.root().filename().string(), "data/out_rel");  // out, relative
  tree.symlink((outside.root() / "secret.txt").string(), "data/file_link");
  const HostFs fs(tree.root());
  Recorder all(every_file());
  const WalkProgress progress = walk(fs, under({"/data"}), all);
  CHECK(progress.complete);
  CHECK(all.paths == std::vector<std::string>{"/data/real.txt"});
  CHECK(skipped(progress, skip::kSymlink) == 5);
}

TEST_CASE("A root that is a symlink resolves within the host root", "[unit][content_walk]") {
  TempTree outside;
  outside.write("secret.txt", "outside the root\n");
  TempTree tree;
  tree.write("srv/site/index.html", "<p>hi</p>\n");
  tree.symlink("/srv/site", "var/www");
  tree.symlink(outside.root().string(), "opt");  // resolves to <root>/<outside path>: absent
  const HostFs fs(tree.root());
  Recorder all(every_file());
  walk(fs, under({"/var/www", "/opt"}), all);
  CHECK(all.paths == std::vector<std::string>{"/var/www/index.html"});
}

TEST_CASE("A FIFO, even with a wanted name, never blocks the walk", "[unit][content_walk]") {
  TempTree tree;
  tree.write("data/a.env", "A=1\n");
  REQUIRE(::mkfifo((tree.root() / "data/b.env").c_str(), 0644) == 0);
  tree.write("data/c.env", "C=1\n");
  const HostFs fs(tree.root());
  FileInterest env;
  env.name_globs = {"*.env"};
  Recorder recorder(env);
  const WalkProgress progress = walk(fs, under({"/data"}), recorder);
  CHECK(progress.complete);
  CHECK(recorder.paths == std::vector<std::string>{"/data/a.env", "/data/c.env"});
  CHECK(skipped(progress, skip::kSpecial) == 1);
}

TEST_CASE("The depth limit and exclusions prune folders", "[unit][content_walk]") {
  TempTree tree;
  tree.write("data/top", "0\n");
  tree.write("data/a/one", "1\n");
  tree.write("data/a/b/two", "2\n");
  tree.write("data/a/b/c/three", "3\n");
  tree.write("data/app/node_modules/x/index.js", "js\n");
  tree.write("data/cache/big", "cache\n");
  tree.write("data/keep.log", "log\n");
  const HostFs fs(tree.root());

  WalkOptions options = under({"/data"});
  options.budget.max_depth = 2;
  Recorder shallow(every_file());
  const WalkProgress progress = walk(fs, options, shallow);
  CHECK(shallow.path_set() == std::set<std::string>{"/data/top", "/data/a/one", "/data/a/b/two",
                                                    "/data/cache/big", "/data/keep.log"});
  CHECK(skipped(progress, skip::kTooDeep) == 2);  // a/b/c and app/node_modules/x

  options.budget.max_depth = 24;
  options.exclude = {"*/node_modules", "/data/cache", "*.log"};
  Recorder pruned(every_file());
  const WalkProgress excluded = walk(fs, options, pruned);
  CHECK(pruned.path_set() == std::set<std::string>{"/data/top", "/data/a/one", "/data/a/b/two",
                                                   "/data/a/b/c/three"});
  CHECK(skipped(excluded, skip::kExcluded) == 3);
}

TEST_CASE("The kernel's pseudo filesystems are never walked", "[unit][content_walk]") {
  const HostFs fs("/");
  Recorder all(every_file());
  WalkOptions options = under({"/proc", "/sys", "/dev", "/dev/shm", "/proc/self"});
  const WalkProgress progress = walk(fs, options, all);
  CHECK(progress.complete);
  CHECK(all.paths.empty());
  CHECK(progress.dirs == 0);
  CHECK(skipped(progress, skip::kExcluded) == 3);  // a root under another is walked with it
  Recorder shm(every_file());
  const WalkProgress under_dev = walk(fs, under({"/dev/shm"}), shm);
  CHECK(shm.paths.empty());
  CHECK(skipped(under_dev, skip::kExcluded) == 1);
}

namespace {

// What the walks of a tree with a tmpfs mounted at <root>/data/mnt found, in a child process
// with a mount namespace of its own (so the mount never outlives it, nor touches the host):
// "" when everything held, else what did not; nothing when the mount is not permitted here.
std::optional<std::string> walks_over_a_mount(const TempTree& tree) {
  int out[2];
  REQUIRE(::pipe(out) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(out[0]);
    const std::string mnt = (tree.root() / "data/mnt").string();
    if (::unshare(CLONE_NEWNS) != 0 ||
        ::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        ::mount("zt-test", mnt.c_str(), "tmpfs", 0, "size=1m") != 0)
      ::_exit(77);
    std::ofstream(mnt + "/inside.txt") << "on the mounted filesystem\n";
    std::string report;
    const auto expect = [&](const char* walk, const std::set<std::string>& got,
                            const std::set<std::string>& want, std::uint64_t other_fs,
                            std::uint64_t want_other_fs) {
      if (got != want) report += std::string(walk) + ": not the files expected; ";
      if (other_fs != want_other_fs) report += std::string(walk) + ": other-filesystem count; ";
    };
    const std::string data = (tree.root() / "data").string();
    {  // The host's own root: the mount is known from /proc/self/mountinfo.
      const HostFs fs("/");
      Recorder all(every_file());
      const WalkProgress p = walk(fs, under({data}), all);
      expect("host root /", all.path_set(), {data + "/outside.txt"},
             skipped(p, skip::kOtherFilesystem), 1);
    }
    {  // A mounted host tree whose mount table is not readable: the device tells.
      const HostFs fs(tree.root());
      Recorder all(every_file());
      const WalkProgress p = walk(fs, under({"/data"}), all);
      expect("host tree", all.path_set(), {"/data/outside.txt"},
             skipped(p, skip::kOtherFilesystem), 1);
    }
    {  // Asked to cross.
      const HostFs fs(tree.root());
      WalkOptions options = under({"/data"});
      options.cross_filesystems = true;
      Recorder all(every_file());
      const WalkProgress p = walk(fs, options, all);
      expect("cross_filesystems", all.path_set(), {"/data/outside.txt", "/data/mnt/inside.txt"},
             skipped(p, skip::kOtherFilesystem), 0);
    }
    const bool written = ::write(out[1], report.data(), report.size()) ==
                         static_cast<ssize_t>(report.size());
    ::_exit(written ? 0 : 1);
  }
  ::close(out[1]);
  std::string report;
  char buffer[512];
  for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) > 0;) report.append(buffer, n);
  ::close(out[0]);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 77) return std::nullopt;
  REQUIRE(WEXITSTATUS(status) == 0);
  return report;
}

}  // namespace

TEST_CASE("A filesystem mounted under a root is walked only when asked", "[unit][content_walk]") {
  TempTree tree;
  tree.write("data/outside.txt", "on the tree's filesystem\n");
  tree.mkdir("data/mnt");
  const std::optional<std::string> report = walks_over_a_mount(tree);
  if (!report) {
    WARN("mounting a tmpfs in a mount namespace of its own is not permitted here: not checked");
    return;
  }
  CHECK(*report == "");
}

TEST_CASE("A large file is read only to its head", "[unit][content_walk]") {
  TempTree tree;
  tree.write("data/big.txt", std::string(5000, 'a'));
  tree.write("data/small.txt", "small\n");
  const HostFs fs(tree.root());
  WalkOptions options = under({"/data"});
  options.head_bytes = 1000;
  Recorder all(every_file());
  const WalkProgress progress = walk(fs, options, all);
  REQUIRE(all.paths.size() == 2);
  CHECK(all.heads[0] == std::string(1000, 'a'));
  CHECK(all.truncated[0]);
  CHECK(all.heads[1] == "small\n");
  CHECK_FALSE(all.truncated[1]);
  CHECK(progress.bytes_read == 1006);
}

TEST_CASE("Detectors get what they asked for, from one read", "[unit][content_walk]") {
  TempTree tree;
  tree.write("data/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\n");
  tree.write("data/notes.txt", "text\n");
  tree.write("data/blob.bin", std::string("\x7f" "ELF\0\0\0", 7));
  tree.write("data/huge.txt", std::string(3000, 'h'));
  ::chmod((tree.root() / "data/notes.txt").c_str(), 0640);
  const HostFs fs(tree.root());

  FileInterest keys;
  keys.name_globs = {"id_*"};
  FileInterest text;
  text.every_text_file = true;
  text.max_size = 2000;
  FileInterest binaries;
  binaries.path_filter = [](std::string_view path, std::string_view) {
    return path.ends_with(".bin");
  };
  binaries.content = ContentKind::any;
  Recorder by_name(keys), every_text(text), by_path(binaries);
  const std::vector<FileDetector*> detectors{&by_name, &every_text, &by_path};
  const WalkProgress progress = walk_content(fs, under({"/data"}), detectors);
  CHECK(by_name.paths == std::vector<std::string>{"/data/id_rsa"});
  CHECK(every_text.paths == std::vector<std::string>{"/data/id_rsa", "/data/notes.txt"});
  CHECK(every_text.modes[1] == 0640);
  CHECK(by_path.paths == std::vector<std::string>{"/data/blob.bin"});
  CHECK(progress.files_read == 4);  // huge.txt is read and sniffed, then wanted by no one
  CHECK(skipped(progress, skip::kUnwanted) == 1);
}

TEST_CASE("The walk says whether the folders above a file let others through",
          "[unit][content_walk]") {
  TempTree tree;
  tree.write("data/open/a", "a\n");
  tree.write("data/home/ann/b", "b\n");
  tree.write("data/group/c", "c\n");
  ::chmod((tree.root() / "data/open").c_str(), 0755);
  ::chmod((tree.root() / "data/home/ann").c_str(), 0700);
  ::chmod((tree.root() / "data/group").c_str(), 0750);
  class Reach : public FileDetector {
   public:
    Reach() { interest_.name_globs = {"*"}; }
    const FileInterest& interest() const override { return interest_; }
    void inspect(const WalkedFile& file) override {
      seen.push_back(std::string(file.path) + (file.others_can_reach ? " others" : "") +
                     (file.group_can_reach ? " group" : ""));
    }
    FileInterest interest_;
    std::vector<std::string> seen;
  } reach;
  walk(HostFs(tree.root()), under({"/data"}), reach);
  CHECK(reach.seen == std::vector<std::string>{"/data/group/c group", "/data/home/ann/b",
                                               "/data/open/a others group"});
}

TEST_CASE("A binary file no detector wants as binary is skipped as binary",
          "[unit][content_walk]") {
  TempTree tree;
  tree.write("data/blob.env", std::string("A=\0\0\0", 5));
  tree.write("data/large.env", std::string(100000, '\0'));
  const HostFs fs(tree.root());
  FileInterest env;
  env.name_globs = {"*.env"};
  Recorder recorder(env);
  const WalkProgress progress = walk(fs, under({"/data"}), recorder);
  CHECK(recorder.paths.empty());
  CHECK(skipped(progress, skip::kBinary) == 2);
  CHECK(progress.bytes_read == 5 + 8192);  // a binary head stops the read
}

TEST_CASE("A file that changes while the walk reads it is handed as read",
          "[unit][content_walk]") {
  TempTree tree;
  plant_tree(tree);
  const std::filesystem::path moving = tree.root() / "data/d2/moving";
  tree.write("data/d2/moving", "");
  std::atomic<bool> done{false};
  // Rewrites the file with contents of 0 to 4000 bytes as fast as it can, truncating it
  // between writes, while the walk reads it again and again.
  std::thread writer([&] {
    for (std::size_t round = 0; !done; ++round) {
      std::ofstream out(moving, std::ios::binary | std::ios::trunc);
      out << std::string((round % 5) * 1000, 'm');
    }
  });
  const HostFs fs(tree.root());
  WalkOptions options = under({"/data"});
  options.head_bytes = 3000;
  for (int i = 0; i < 200; ++i) {
    Recorder all(every_file());
    const WalkProgress progress = walk(fs, options, all);
    CHECK(progress.complete);
    CHECK(all.paths.size() == 51);
    for (const std::string& head : all.heads) CHECK(head.size() <= 3000);
  }
  done = true;
  writer.join();
}

TEST_CASE("Unreadable files and folders are counted and named, and the walk goes on",
          "[unit][content_walk]") {
  TempTree tree;
  tree.write("data/a.txt", "a\n");
  tree.write("data/locked.txt", "secret\n");
  tree.write("data/closed/inner.txt", "inner\n");
  tree.write("data/z.txt", "z\n");
  ::chmod(tree.root().c_str(), 0755);
  ::chmod((tree.root() / "data/locked.txt").c_str(), 0);
  ::chmod((tree.root() / "data/closed").c_str(), 0);

  // root reads what mode 0 refuses: a child process that has become `nobody` walks instead.
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(pipe_fds[0]);
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(2);
    const HostFs fs(tree.root());
    Recorder all(every_file());
    const WalkProgress progress = walk(fs, under({"/data"}), all);
    std::string report = std::to_string(skipped(progress, skip::kUnreadable)) + "\n";
    for (const std::string& path : all.paths) report += path + "\n";
    for (const std::string& problem : progress.problems) report += problem + "\n";
    if (::write(pipe_fds[1], report.data(), report.size()) < 0) ::_exit(3);
    ::_exit(0);
  }
  ::close(pipe_fds[1]);
  std::string report;
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
    report.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  const std::string root = tree.root().string();
  CHECK(report == "2\n/data/a.txt\n/data/z.txt\n/data/closed (under " + root +
                      "): Permission denied\n/data/locked.txt (under " + root +
                      "): Permission denied\n");
}

TEST_CASE("Text sniffing", "[unit][content_walk]") {
  CHECK(sniffs_as_text(""));
  CHECK(sniffs_as_text("PASSWORD=hunter2\n\tx\r\n"));
  CHECK(sniffs_as_text("caf\xc3\xa9 \x1b[0m\n"));
  CHECK_FALSE(sniffs_as_text(std::string("ab\0cd", 5)));
  CHECK_FALSE(sniffs_as_text("\x01\x02\x03\x04 abc"));
}

TEST_CASE("Name globs, path filters and exclusions", "[unit][content_walk]") {
  FileInterest interest;
  interest.name_globs = {".env*", "*.pem"};
  CHECK(wants_name(interest, "/a/.env", ".env"));
  CHECK(wants_name(interest, "/a/.env.local", ".env.local"));
  CHECK(wants_name(interest, "/a/key.pem", "key.pem"));
  CHECK_FALSE(wants_name(interest, "/a/env", "env"));
  interest.path_filter = [](std::string_view path, std::string_view) {
    return path.starts_with("/root/");
  };
  CHECK(wants_name(interest, "/root/x", "x"));

  const std::vector<std::string> exclude{"*/.cache", "/var/lib/docker"};
  CHECK(path_excluded(exclude, "/home/ann/.cache"));
  CHECK(path_excluded(exclude, "/var/lib/docker"));
  CHECK_FALSE(path_excluded(exclude, "/var/lib/dockerd"));
  CHECK(path_excluded({}, "/proc"));
  CHECK(path_excluded({}, "/dev/shm"));
  CHECK_FALSE(path_excluded({}, "/process"));
}
