#include "tests/e2e/agent_process.hpp"

#include <signal.h>

#include <algorithm>

#include <catch2/catch.hpp>

#include "collectors/builtin.hpp"

namespace zt::testing {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string agent_binary() { return std::string(ZT_BINARY_DIR) + "/agent/zerotrace-agent"; }

void make_mixed_host(const fs::path& root) {
  const fs::path fixtures = fs::path(ZT_SOURCE_DIR) / "tests/fixtures/hosts";
  for (const char* host : {"net-weak", "auth-weak", "sys-weak"})
    fs::copy(fixtures / host, root,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing |
                 fs::copy_options::copy_symlinks);
}

AgentProcess::AgentProcess(AgentSetup setup) : setup_(std::move(setup)) {}

AgentProcess::~AgentProcess() {
  if (child_) kill();
}

void AgentProcess::write_config() const {
  const AgentSetup& s = setup_;
  std::string yaml = "agent:\n  host_root: " + s.host_root.string() +
                     "\n  state_dir: " + state_dir().string() +
                     "\n  log_level: debug\n"
                     "scheduler:\n  splay_percent: 0\n"
                     "server:\n  url: " + s.server_url +
                     "\n  heartbeat_interval: 10s\n  connect_timeout: 2s\n  request_timeout: " +
                     std::to_string(s.request_timeout_seconds) + "s\n";
  if (s.server_url.starts_with("http://")) yaml += "  allow_insecure_http: true\n";
  if (!s.ca_file.empty()) yaml += "  ca_file: " + s.ca_file.string() + "\n";
  if (!s.enrollment_token.empty()) yaml += "  enrollment_token: " + s.enrollment_token + "\n";
  if (!s.api_key.empty()) yaml += "  api_key: " + s.api_key + "\n";
  yaml += "upload:\n  pacing_ms: " + std::to_string(s.pacing_ms) +
          "\n  backoff_initial: 1s\n  backoff_cap: " +
          std::to_string(s.backoff_cap_seconds) + "s\n  batch_max_findings: " +
          std::to_string(s.batch_max_findings) + "\n  batch_max_mib: " +
          std::to_string(s.batch_max_mib) + "\n  spool_max_mib: " +
          std::to_string(s.spool_max_mib) + "\n  server_error_limit: " +
          std::to_string(s.server_error_limit) + "\n  server_error_span: " +
          s.server_error_span + "\n  full_upload_every: " +
          std::to_string(s.full_upload_every) + "\n";
  yaml += "collectors:\n";
  for (const collector::CollectorDescriptor& d : collector::builtin_collectors()) {
    const bool on = s.collectors_enabled &&
                    (s.only_collector.empty() ? std::ranges::count(kE2eCollectors, d.name) > 0
                                              : s.only_collector == d.name);
    yaml += "  " + std::string(d.name) + ":\n    enabled: " + (on ? "true" : "false") + "\n";
    if (const auto options = s.collector_options.find(std::string(d.name));
        options != s.collector_options.end())
      yaml += "    " + options->second + "\n";
  }
  tree_.write("agent.yaml", yaml);
}

void AgentProcess::start() {
  REQUIRE(child_ == nullptr);
  write_config();
  child_ = std::make_unique<test::Child>(std::vector<std::string>{
      agent_binary(), "--config", (tree_.root() / "agent.yaml").string()});
  INFO(child_->stderr_text());
  REQUIRE(child_->wait_for_stderr("collector(s) scheduled", 20s));
}

void AgentProcess::scan_now() {
  REQUIRE(child_ != nullptr);
  ::kill(child_->pid(), SIGUSR1);
}

void AgentProcess::stop() {
  REQUIRE(child_ != nullptr);
  ::kill(child_->pid(), SIGTERM);
  const int code = child_->wait_for_exit(20s);
  previous_log_ = child_->stderr_text();
  child_.reset();
  INFO(previous_log_);
  REQUIRE(code == 0);
}

void AgentProcess::kill() {
  ::kill(child_->pid(), SIGKILL);
  child_->wait_for_exit(20s);
  previous_log_ = child_->stderr_text();
  child_.reset();
}

bool AgentProcess::wait_log(const std::string& text, std::chrono::milliseconds limit) {
  return child_ != nullptr && child_->wait_for_stderr(text, limit);
}

std::string AgentProcess::log() const { return child_ ? child_->stderr_text() : previous_log_; }

namespace {

template <typename Keep>
std::size_t count_files(const fs::path& folder, Keep keep) {
  // The daemon renames and deletes spool files meanwhile: no step here may throw.
  std::size_t n = 0;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::error_code gone;
    if (it->is_regular_file(gone) && keep(it->path())) ++n;
  }
  return n;
}

}  // namespace

std::size_t AgentProcess::spooled_batches() const {
  return count_files(spool_dir(), [](const fs::path& p) { return p.extension() == ".batch"; });
}

std::size_t AgentProcess::set_aside(const std::string& folder) const {
  return count_files(spool_dir() / folder,
                     [](const fs::path& p) { return p.extension() != ".reason"; });
}

}  // namespace zt::testing
