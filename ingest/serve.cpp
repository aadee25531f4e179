#include "ingest/serve.hpp"

#include <signal.h>
#include <systemd/sd-daemon.h>

#include <spdlog/spdlog.h>

#include "ingest/http/server.hpp"
#include "ingest/pg_store.hpp"
#include "ingest/retention.hpp"
#include "ingest/routes.hpp"
#include "schema-client/pg/migrations.hpp"
#include "schema-client/pg/pool.hpp"

namespace zt::ingest {
namespace {

// Why the role must not be used by the ingest, or "" when it is fine.
std::string role_problem(pg::Connection& connection) {
  const pg::Rows rows = connection.exec(
      "SELECT current_user, r.rolsuper, r.rolbypassrls,"
      " (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid"
      "  AND c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p'))"
      " FROM pg_roles r WHERE r.rolname = current_user");
  const std::string role(rows.text(0, 0));
  std::string why;
  if (rows.boolean(0, 1)) why = "is a superuser";
  else if (rows.boolean(0, 2)) why = "has BYPASSRLS";
  else if (rows.integer(0, 3) > 0) why = "owns " + std::to_string(rows.integer(0, 3)) + " tables";
  if (why.empty()) return {};
  return "the database role " + role + " " + why +
         ", so row-level security would not hold for it; connect as a role that is only a "
         "member of zerotrace_ingest (see conf/ingest.yaml)";
}

std::string schema_problem(pg::Connection& connection) {
  const int wanted = pg::embedded_migrations().back().version;
  const bool migrated =
      connection.exec("SELECT to_regclass('public.schema_migrations') IS NOT NULL").boolean(0, 0);
  const auto have =
      migrated
          ? connection.exec("SELECT coalesce(max(version), 0) FROM schema_migrations").integer(0, 0)
          : 0;
  if (have == wanted) return {};
  return "the database schema is at version " + std::to_string(have) + ", this program needs " +
         std::to_string(wanted) + ": run `zerotrace-ingest migrate` (as the schema owner)";
}

}  // namespace

int run_serve(const IngestConfig& config) {
  auto log = spdlog::default_logger();
  if (config.database_url.empty()) {
    log->error("no database URL: set database.url in {} or ZEROTRACE_DATABASE_URL",
               config.source);
    return 1;
  }
  try {
    pg::Connection check(config.database_url.reveal());
    for (const std::string& problem : {schema_problem(check), role_problem(check)})
      if (!problem.empty()) {
        log->error("{}", problem);
        return 1;
      }
  } catch (const pg::DbError& e) {
    log->error("{}", e.what());
    return 1;
  }

  // Block the stop signals before any thread starts, so they all inherit the mask and the
  // signals wait for sigwait below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  const IngestConfig::Limits& limits = config.limits;
  pg::Pool pool(config.database_url.reveal(), config.database_connections);
  Metrics metrics;
  RateLimiter limiter(limits.agent_requests_per_second, limits.agent_burst);
  // Client addresses: a flood from very many of them shares one bucket past 65,536.
  RateLimiter failed_auth(limits.failed_auth_per_second, limits.failed_auth_burst,
                          std::chrono::steady_clock::now, 65536);
  PgStore store(pool);
  Routes routes(store, metrics, limiter, failed_auth,
                {limits.database_retry_after, limits.heartbeat_interval,
                 limits.max_batch_findings});

  ServerOptions options;
  options.address = config.listen.address;
  options.port = config.listen.port;
  options.tls = config.tls.enabled;
  options.certificate_file = config.tls.certificate_file;
  options.key_file = config.tls.key_file;
  options.max_body_bytes = limits.max_body_bytes;
  options.max_decompressed_bytes = limits.max_decompressed_bytes;
  options.header_timeout = limits.header_timeout;
  options.body_timeout = limits.body_timeout;
  options.idle_timeout = limits.idle_timeout;
  options.max_connections = limits.max_connections;
  options.io_threads = config.io_threads;
  options.worker_threads = config.database_connections;
  options.known_routes = routes.known_routes();
  auto server = HttpServer::start(
      options, [&routes](const Request& request) { return routes.handle(request); }, metrics);
  if (!server) {
    log->error("{}", server.error().message);
    return 1;
  }
  if (!config.tls.enabled)
    log->warn("TLS is off (tls.enabled: false): api keys cross the network in clear text");
  log->info("listening on {}://{}:{}", config.tls.enabled ? "https" : "http",
            config.listen.address, (*server)->port());
  // systemd (Type=notify): ready once the port is bound. Does nothing without NOTIFY_SOCKET.
  sd_notifyf(0, "READY=1\nSTATUS=listening on port %u", unsigned{(*server)->port()});

  RetentionTask retention(pool, metrics, config.retention.dependencies_older_than);

  int received = 0;
  sigwait(&stop_signals, &received);
  log->info("stopping on signal {}", received);
  sd_notify(0, "STOPPING=1");
  (*server)->stop();
  log->info("stopped");
  return 0;
}

}  // namespace zt::ingest
