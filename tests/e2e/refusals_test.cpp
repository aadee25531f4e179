// What the ingest refuses, end to end (real daemon, ingest and PostgreSQL): a batch it cannot
// write never blocks the ones behind it; a scan over the ingest's max_batch_findings is
// refused with 413 and delivered in parts; and SIGTERM during an upload that gets no answer
// ends the daemon within 5 s, the batch kept for the next start.
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <mutex>
#include <random>
#include <thread>

#include "schema-client/model/uuid.hpp"
#include "schema-client/model/wire_format.hpp"
#include "tests/e2e/e2e_world.hpp"
#include "tests/e2e/spool_view.hpp"
#include "transport/spool.hpp"

using namespace zt::testing;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

constexpr const char* kIngested = "SELECT count(*) FROM ingested_batches";

// A TCP listener on loopback that takes connections and reads what they send, and never
// answers: an ingest that hangs.
class SilentServer {
 public:
  SilentServer() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(listener_ >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::listen(listener_, 16) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~SilentServer() {
    stop_ = true;
    thread_.join();
    for (const pollfd& p : fds_) ::close(p.fd);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  void run() {
    fds_.push_back({listener_, POLLIN, 0});
    while (!stop_) {
      if (::poll(fds_.data(), fds_.size(), 100) <= 0) continue;
      for (std::size_t i = 0; i < fds_.size(); ++i) {
        if (!(fds_[i].revents & POLLIN)) continue;
        if (fds_[i].fd == listener_) {
          if (const int client = ::accept(listener_, nullptr, nullptr); client >= 0)
            fds_.push_back({client, POLLIN, 0});
          continue;
        }
        char buffer[4096];
        const ssize_t n = ::read(fds_[i].fd, buffer, sizeof buffer);
        if (n <= 0) {
          fds_[i].events = 0;  // closed by the client: left alone
          continue;
        }
        std::lock_guard lock(mutex_);
        received_.append(buffer, static_cast<std::size_t>(n));
      }
    }
  }

  int listener_ = -1;
  unsigned short port_ = 0;
  std::vector<pollfd> fds_;
  std::atomic<bool> stop_ = false;
  mutable std::mutex mutex_;
  std::string received_;
  std::thread thread_;
};

// Appends `count` packages with random names and versions to the host's dpkg database.
void add_packages(const fs::path& host_root, int count) {
  std::ofstream status(host_root / "var/lib/dpkg/status", std::ios::app);
  std::mt19937_64 random(11);
  for (int i = 0; i < count; ++i)
    status << "\nPackage: pkg-" << std::hex << random() << "\nStatus: install ok installed\n"
           << "Architecture: amd64\nVersion: " << std::dec << i << "." << std::hex << random()
           << std::dec << "\n";
}

}  // namespace

TEST_CASE("e2e: a batch the ingest cannot write is given up and reported - the scans behind it "
          "are delivered",
          "[integration]") {
  E2eWorld world;
  AgentSetup setup = world.provisioned_agent_setup();
  setup.server_error_limit = 1;  // given up at the second 500 (a 422 at once)
  setup.server_error_span = "0s";
  AgentProcess agent(setup);
  // The agent's own scan of the fixture host, with one finding whose finding_type does not
  // fit its column: spooled first, as if the agent had made it.
  auto poison = zt::model::batch_from_json(one_shot_report(world.host.root()));
  REQUIRE(poison);
  poison->batch_id = zt::model::new_uuid();
  poison->scan.id = zt::model::new_uuid();
  bool planted = false;
  for (zt::model::Finding& f : poison->findings)
    if (f.fields.contains("finding_type")) {
      f.fields["finding_type"] = std::string(5000, 'x');
      planted = true;
      break;
    }
  REQUIRE(planted);
  {
    auto spool = zt::transport::Spool::open(agent.state_dir());
    REQUIRE(spool);
    REQUIRE((*spool)->put(*poison));
  }

  agent.start();
  // Its three scans arrive; the poison batch is not written.
  REQUIRE(agent.eventually(
      [&] { return world.count(kIngested) == 3 && agent.spooled_batches() == 0; }, 120s));
  CHECK(world.count("SELECT count(*) FROM ingested_batches WHERE batch_id = '" +
                    poison->batch_id + "'") == 0);
  CHECK(agent.set_aside("dead-letter") == 1);
  // Reported like a refused batch.
  CHECK(agent.eventually(
      [&] {
        return world.count("SELECT coalesce((metrics->'delivery'->>'dead_lettered')::int, 0)"
                           " FROM agents") == 1;
      },
      30s));
  agent.stop();
  INFO(agent.log());
  CHECK(agent.log().find("moved to dead-letter") != std::string::npos);
}

TEST_CASE("e2e: 5,000 packages with the ingest's limit at 1,000: refused with 413, then "
          "delivered in parts",
          "[integration]") {
  E2eWorld world(std::string(kFastIngestLimits) + "  max_batch_findings: 1000\n");
  add_packages(world.host.root(), 5000);
  AgentSetup setup = world.provisioned_agent_setup();
  setup.only_collector = "system";
  setup.batch_max_findings = 100000;  // the agent would send the scan whole
  setup.batch_max_mib = 64;
  AgentProcess agent(setup);
  agent.start();
  REQUIRE(agent.eventually(
      [&] { return committed_in_log(agent.log()).size() == 1 && agent.spooled_batches() == 0; },
      240s));  // generous: six parts through the sanitized ingest on a loaded machine
  agent.stop();

  CHECK(world.answered("/api/v1/batches", 413) >= 1);
  CHECK(agent.log().find("too large for the ingest") != std::string::npos);
  CHECK(agent.set_aside("dead-letter") == 0);
  // One scan, every part of it in, none over the limit, every package once.
  CHECK(world.count("SELECT count(DISTINCT scan_id) FROM ingested_batches") == 1);
  CHECK(world.count("SELECT count(*) FROM ingested_batches") >= 6);
  CHECK(world.count("SELECT count(*) FROM ingested_batches WHERE parts <> "
                    "(SELECT count(*) FROM ingested_batches)") == 0);
  CHECK(world.count("SELECT max(finding_count + dependency_count) FROM ingested_batches") <=
        1000);
  CHECK(world.count("SELECT count(*) FROM dependencies") ==
        static_cast<long long>(one_shot_report(world.host.root()).at("dependencies").size()));
  CHECK(world.count("SELECT count(*) FROM scans WHERE status = 'completed'") == 1);
  CHECK(duplicated_rows(world) == 0);
}

TEST_CASE("e2e: SIGTERM during an upload that gets no answer ends the daemon within 5 s - the "
          "batch is sent after the restart",
          "[integration]") {
  E2eWorld world;
  SilentServer silent;
  AgentSetup setup = world.provisioned_agent_setup();
  const AgentSetup real = setup;
  setup.server_url = silent.url();
  setup.ca_file.clear();
  setup.request_timeout_seconds = 60;  // far past the 5 s: only the abort can end it
  AgentProcess agent(setup);
  agent.start();
  // Every scan spooled (no collector run left to wait for) and an upload in flight.
  REQUIRE(agent.eventually(
      [&] {
        return committed_in_log(agent.log()).size() == std::size(kE2eCollectors) &&
               silent.received().find("POST /api/v1/batches") != std::string::npos;
      },
      60s));

  const auto asked = std::chrono::steady_clock::now();
  agent.stop();  // SIGTERM; exit code 0 within the helper's generous deadline
  const auto took = std::chrono::steady_clock::now() - asked;
  INFO("stopped in " << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                     << " ms");
  CHECK(took < 5s);
  CHECK(agent.spooled_batches() == 3);

  agent.setup() = real;
  agent.setup().collectors_enabled = false;
  agent.start();
  REQUIRE(agent.eventually(
      [&] { return world.count(kIngested) == 3 && agent.spooled_batches() == 0; }, 60s));
  agent.stop();
  CHECK(duplicated_rows(world) == 0);
}
