#include "agent/uploads.hpp"

#include "agent/logging.hpp"
#include "schema-client/config/duration.hpp"
#include "schema-client/model/columns.hpp"
#include "transport/delivery.hpp"
#include "transport/spool.hpp"

namespace zt::agent {

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

transport::DeliveryOptions delivery_options(const AgentConfig& config) {
  const ServerSection& server = config.server;
  const UploadSection& upload = config.upload;
  transport::DeliveryOptions options;
  options.client.base_url = server.url;
  options.client.ca_file = server.ca_file;
  options.client.client_certificate = server.client_certificate;
  options.client.client_key = server.client_key;
  options.client.proxy = server.proxy;
  options.client.allow_insecure_http = server.allow_insecure_http;
  options.client.connect_timeout = server.connect_timeout;
  options.client.total_timeout = server.request_timeout;
  options.backoff.initial = upload.backoff_initial;
  options.backoff.cap = upload.backoff_cap;
  options.pacing = std::chrono::milliseconds(upload.pacing_ms);
  options.heartbeat_interval = server.heartbeat_interval;
  options.enrollment_token = server.enrollment_token;
  options.configured_api_key = server.api_key;
  options.state_dir = config.agent.state_dir;
  options.host_root = config.agent.host_root;
  options.split.max_findings = static_cast<std::size_t>(upload.batch_max_findings);
  options.split.max_bytes = static_cast<std::size_t>(upload.batch_max_mib) * kMiB;
  options.server_error_limit = upload.server_error_limit;
  options.server_error_span = upload.server_error_span;
  options.full_upload_every = upload.full_upload_every;
  return options;
}

// Whether a reload has to restart the delivery.
bool delivery_settings_differ(const AgentConfig& a, const AgentConfig& b) {
  return a.server != b.server || a.upload != b.upload ||
         a.agent.state_dir != b.agent.state_dir || a.agent.host_root != b.agent.host_root;
}

// The model's checks, the ingest's own (schema-client/model/columns.hpp), before the scan is
// spooled: values cleaned to fit their columns (noted in the batch by fit_to_columns), and
// findings that no cleaning fits left out, each logged and listed in the scan's
// metadata.zt_left_out, so that the ingest takes the rest. What is still wrong after that (the
// scan or agent objects, a package) is spooled as it is: the delivery gives it up at once,
// counted and reported (transport/part_planner.hpp).
model::Batch fitted(model::Batch batch) {
  const auto log = logger("agent");
  if (const std::vector<std::string> cleaned = model::fit_to_columns(batch); !cleaned.empty())
    log->warn("scan {}: {} value(s) changed to fit the database, the first: {}", batch.scan.id,
              cleaned.size(), cleaned.front());
  std::vector<model::Finding> kept;
  nlohmann::json left_out = nlohmann::json::array();
  for (std::size_t i = 0; i < batch.findings.size(); ++i) {
    const std::vector<model::Problem> problems =
        model::column_problems(batch.findings[i], "$.findings[" + std::to_string(i) + "]");
    if (problems.empty()) {
      kept.push_back(std::move(batch.findings[i]));
      continue;
    }
    log->error("scan {}: finding \"{}\" left out, the database would refuse it: {}",
               batch.scan.id, batch.findings[i].title, model::to_string(problems.front()));
    for (const model::Problem& problem : problems) left_out.push_back(model::to_string(problem));
  }
  batch.findings = std::move(kept);
  if (!left_out.empty()) batch.scan.metadata["zt_left_out"] = std::move(left_out);
  return batch;
}

}  // namespace

struct Uploads::Running {
  std::unique_ptr<transport::Spool> spool;
  std::unique_ptr<transport::Delivery> delivery;  // after the spool: goes first
};

Uploads::Uploads(std::shared_ptr<AgentInfoSource> info) : info_(std::move(info)) {}

Uploads::~Uploads() { stop(); }

model::Result<std::unique_ptr<Uploads>> Uploads::create(const AgentConfig& config,
                                                         std::shared_ptr<AgentInfoSource> info) {
  std::unique_ptr<Uploads> uploads(new Uploads(std::move(info)));
  auto running = uploads->start(config);
  if (!running) return running.error();
  uploads->running_ = std::move(running).value();
  uploads->config_ = config;
  return uploads;
}

model::Result<std::unique_ptr<Uploads::Running>> Uploads::start(const AgentConfig& config) {
  if (config.server.url.empty()) {
    logger("agent")->warn("server.url is not set: scans are logged, not uploaded");
    return std::unique_ptr<Running>();
  }
  auto running = std::make_unique<Running>();
  transport::SpoolLimits limits;
  limits.max_bytes = static_cast<std::uint64_t>(config.upload.spool_max_mib) * kMiB;
  auto spool = transport::Spool::open(config.agent.state_dir, limits);
  if (!spool) return spool.error();
  running->spool = std::move(spool).value();
  auto delivery = transport::Delivery::create(delivery_options(config), *running->spool,
                                              [info = info_] { return info->current(); });
  if (!delivery) return delivery.error();
  running->delivery = std::move(delivery).value();
  running->delivery->start();
  const transport::SpoolStats waiting = running->spool->stats();
  logger("agent")->info("uploading to {} ({} batch(es), {} bytes waiting in the spool)",
                        config.server.url, waiting.batches, waiting.bytes);
  return running;
}

std::string Uploads::status() const {
  if (!running_) return "";
  const transport::DeliveryStats stats = running_->delivery->stats();
  if (stats.credentials.revoked)
    return "uploads stopped, agent " + stats.credentials.agent_id +
           " revoked (zerotrace-ingest agent restore " + stats.credentials.agent_id + ")";
  if (stats.uploads_stopped) return "uploads stopped: " + stats.stopped_reason;
  const transport::SpoolStats waiting = running_->spool->stats();
  if (stats.consecutive_failures == 0 || waiting.batches == 0) return "";
  return std::to_string(waiting.batches) + " batch(es) wait to be uploaded, the oldest for " +
         config::format_duration(waiting.oldest_age.value_or(std::chrono::seconds(0)));
}

model::Status Uploads::apply(const AgentConfig& config) {
  if (!delivery_settings_differ(config, config_)) return model::Ok{};
  // The spool files are opened again by the new delivery: the old one lets go first.
  running_.reset();
  auto running = start(config);
  if (!running) {
    model::Error error = running.error();
    if (auto previous = start(config_)) running_ = std::move(previous).value();
    return error;
  }
  running_ = std::move(running).value();
  config_ = config;
  return model::Ok{};
}

void Uploads::submit(const model::Batch& batch) {
  if (!running_) return;
  if (model::Status stored = running_->spool->put(fitted(batch)); !stored)
    logger("agent")->error("batch {} of scan {} not spooled: {}", batch.batch_id, batch.scan.id,
                           stored.error().message);
}

void Uploads::request_stop() {
  if (running_) running_->delivery->request_stop();
}

void Uploads::stop() { running_.reset(); }

}  // namespace zt::agent
