#include "agent/uploads.hpp"

#include <algorithm>

#include "agent/logging.hpp"
#include "transport/batch_splitter.hpp"
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
  return options;
}

// Whether a reload has to restart the delivery.
bool delivery_settings_differ(const AgentConfig& a, const AgentConfig& b) {
  return a.server != b.server || a.upload != b.upload ||
         a.agent.state_dir != b.agent.state_dir || a.agent.host_root != b.agent.host_root;
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
  transport::SplitLimits limits;
  limits.max_findings = static_cast<std::size_t>(config_.upload.batch_max_findings);
  limits.max_bytes = static_cast<std::size_t>(config_.upload.batch_max_mib) * kMiB;
  if (const auto advised = running_->delivery->stats().advised_batch_findings)
    limits.max_findings = std::min(limits.max_findings, *advised);
  for (const model::Batch& part : transport::split_batch(batch, limits)) {
    if (model::Status stored = running_->spool->put(part); !stored)
      logger("agent")->error("batch {} of scan {} not spooled: {}", part.batch_id,
                             part.scan.id, stored.error().message);
  }
}

void Uploads::stop() { running_.reset(); }

}  // namespace zt::agent
