#pragma once
// A real `zerotrace-agent` daemon for end-to-end tests, run as systemd would run it: its
// configuration file, state directory and (fixture) host root in a temp tree; started,
// signalled, stopped or killed. Collectors run at start (splay 0) and on scan_now().
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

namespace zt::testing {

// The collectors the end-to-end tests run, the others disabled: the three that the mixed host
// (make_mixed_host) has findings for.
inline constexpr std::string_view kE2eCollectors[] = {"system", "network", "auth"};

struct AgentSetup {
  std::string server_url;
  std::filesystem::path ca_file;  // "" with a plain http url
  std::string enrollment_token;   // one of these two
  std::string api_key;
  std::filesystem::path host_root;
  bool collectors_enabled = true;
  std::string only_collector;  // when set, the one collector that runs (any, not only these)
  // Option lines of a collector's section ("compliance" → "pack_dirs: [/x]").
  std::map<std::string, std::string> collector_options;
  int batch_max_findings = 1000;
  int batch_max_mib = 4;
  int spool_max_mib = 256;
  int backoff_cap_seconds = 2;
  int pacing_ms = 0;
  int request_timeout_seconds = 10;
  int server_error_limit = 10;
  std::string server_error_span = "1h";
  // 1: every scan uploaded whole (tests that reckon each scan's parts and batch ids).
  int full_upload_every = 24;
};

class AgentProcess {
 public:
  explicit AgentProcess(AgentSetup setup);
  ~AgentProcess();

  // Writes the configuration from the setup (changed in between, if the test likes) and
  // starts the daemon; waits until its schedule is armed.
  void start();
  void scan_now();  // SIGUSR1
  // SIGTERM; the daemon must exit 0.
  void stop();
  // SIGKILL, at whatever point it is.
  void kill();
  bool running() const { return child_ != nullptr; }
  // Waits for `text` in the log after what was seen before.
  bool wait_log(const std::string& text, std::chrono::milliseconds limit);
  // The log so far (of the running or last process).
  std::string log() const;
  // Polls `done` every 100 ms (reading the daemon's log meanwhile) until it holds or
  // `limit` passes.
  template <typename Done>
  bool eventually(Done done, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
      if (child_) child_->drain();
      if (done()) return true;
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }

  AgentSetup& setup() { return setup_; }
  std::filesystem::path state_dir() const { return tree_.root() / "state"; }
  std::filesystem::path spool_dir() const { return state_dir() / "spool"; }
  // The *.batch files waiting in the spool, and the files set aside in one of its folders
  // ("quarantine", "dead-letter"), .reason notes not counted.
  std::size_t spooled_batches() const;
  std::size_t set_aside(const std::string& folder) const;

 private:
  void write_config() const;

  AgentSetup setup_;
  test::TempTree tree_;
  std::unique_ptr<test::Child> child_;
  std::string previous_log_;
};

std::string agent_binary();

// A host root made of the fixture hosts auth-weak, net-weak and sys-weak laid over one
// another (later ones win where they overlap): findings in three categories, and packages.
void make_mixed_host(const std::filesystem::path& root);


}  // namespace zt::testing
