// HttpServer: binds the listener, owns the threads, accepts connections and admits them
// (serve, refuse over the cap, or drop), and stops in order: listener, idle connections,
// requests in progress, threads.
#include "ingest/http/server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <openssl/ssl.h>
#include <spdlog/spdlog.h>

#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>

#include "ingest/http/server_context.hpp"
#include "ingest/http/session.hpp"
#include "schema-client/base/logger.hpp"

namespace zt::ingest {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

constexpr const char* kLoggerName = "ingest.http";
// stop() lets requests in progress finish for this long before it cuts them off.
constexpr std::chrono::seconds kStopGrace{5};
// After a failed accept (out of descriptors, say), wait before the next try instead of spinning.
constexpr std::chrono::milliseconds kAcceptRetry{100};

std::shared_ptr<spdlog::logger> http_logger() { return base::named_logger(kLoggerName); }

// The user this process runs as, by name when it has one, and its uid.
std::string effective_user() {
  const uid_t uid = geteuid();
  const passwd* entry = getpwuid(uid);
  return (entry ? std::string(entry->pw_name) + " " : std::string()) + "(uid " +
         std::to_string(uid) + ")";
}

// Why a file cannot be used, in words ("No such file or directory"), or "" when readable.
// Refused for lack of permission, it names the user that needs it and how systemd's
// DynamicUser unit gets it.
std::string unreadable(const std::filesystem::path& path) {
  if (path.empty()) return "no file given";
  std::ifstream probe(path);
  if (probe) return {};
  const int error = errno;
  std::string why = std::strerror(error);
  if (error == EACCES)
    why += ": the ingest runs as user " + effective_user() +
           ", which needs read access to it; under the systemd unit (DynamicUser=yes) pass the"
           " file with LoadCredential=" + path.filename().string() + ":" + path.string() +
           " and point the configuration at /run/credentials/zerotrace-ingest.service/" +
           path.filename().string();
  return why;
}

model::Result<std::unique_ptr<asio::ssl::context>> make_tls_context(const ServerOptions& options) {
  namespace ssl = asio::ssl;
  if (auto why = unreadable(options.certificate_file); !why.empty())
    return model::Error{"cannot read certificate " + options.certificate_file.string() + ": " + why};
  if (auto why = unreadable(options.key_file); !why.empty())
    return model::Error{"cannot read key " + options.key_file.string() + ": " + why};

  auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
  context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                       ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                       ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
  SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
  boost::system::error_code ec;
  context->use_certificate_chain_file(options.certificate_file.string(), ec);
  if (ec)
    return model::Error{"cannot read certificate " + options.certificate_file.string() + ": " +
                        ec.message()};
  context->use_private_key_file(options.key_file.string(), ssl::context::pem, ec);
  if (ec)
    return model::Error{"cannot read key " + options.key_file.string() + ": " + ec.message()};
  if (SSL_CTX_check_private_key(context->native_handle()) != 1)
    return model::Error{"key " + options.key_file.string() + " does not match certificate " +
                        options.certificate_file.string()};
  return context;
}

model::Status check(const ServerOptions& options) {
  if (options.io_threads == 0) return model::Error{"io_threads must be at least 1"};
  if (options.worker_threads == 0) return model::Error{"worker_threads must be at least 1"};
  if (options.max_connections == 0) return model::Error{"max_connections must be at least 1"};
  if (options.max_body_bytes == 0) return model::Error{"max_body_bytes must be at least 1"};
  return model::Ok{};
}

}  // namespace

struct HttpServer::Impl {
  explicit Impl(std::shared_ptr<ServerContext> context_in)
      : context(std::move(context_in)),
        acceptor(asio::make_strand(io)),
        retry_timer(acceptor.get_executor()) {}

  model::Status listen() {
    const ServerOptions& options = context->options;
    const std::string where = options.address + ":" + std::to_string(options.port);
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(options.address, ec);
    if (ec) return model::Error{"cannot bind " + where + ": not an IP address"};
    const tcp::endpoint endpoint(address, options.port);
    if (!ec) acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) return model::Error{"cannot bind " + where + ": " + ec.message()};
    port = acceptor.local_endpoint().port();
    return model::Ok{};
  }

  void run() {
    accept();
    threads.reserve(context->options.io_threads);
    for (std::size_t i = 0; i < context->options.io_threads; ++i)
      threads.emplace_back([this] { run_io(); });
    context->log->info("listening on {}:{} ({})", context->options.address, port,
                       context->options.tls ? "https" : "http");
  }

  // Nothing should throw out of a completion handler; if something does, log it and keep
  // serving rather than lose a network thread.
  void run_io() {
    for (;;) {
      try {
        io.run();
        return;
      } catch (const std::exception& e) {
        context->log->error("network thread caught: {}", e.what());
      }
    }
  }

  void accept() {
    acceptor.async_accept(asio::make_strand(io),
                          [this](boost::system::error_code ec, tcp::socket socket) {
                            on_accept(ec, std::move(socket));
                          });
  }

  void on_accept(boost::system::error_code ec, tcp::socket socket) {
    if (!acceptor.is_open()) return;  // stop() closed it
    if (ec) {
      if (context->may_warn()) context->log->warn("accept failed: {}", ec.message());
      context->metrics.count_error("accept_failed");
      retry_timer.expires_after(kAcceptRetry);
      retry_timer.async_wait([this](boost::system::error_code wait_ec) {
        if (!wait_ec && acceptor.is_open()) accept();
      });
      return;
    }
    const Admission admission = context->admit();
    if (admission != Admission::serve && context->may_warn())
      context->log->warn("connection limit {} reached; refusing new connections",
                         context->options.max_connections);
    if (admission == Admission::drop) {
      context->metrics.count_error("too_many_connections");
      boost::system::error_code ignored;
      socket.close(ignored);
    } else {
      start_session(context, std::move(socket), admission);
    }
    accept();
  }

  void stop() {
    std::lock_guard lock(stop_mutex);
    if (stopped) return;
    stopped = true;
    asio::post(acceptor.get_executor(), [this] {
      boost::system::error_code ignored;
      acceptor.close(ignored);
      retry_timer.cancel();
    });
    context->drain_all();
    if (!context->wait_until_empty(kStopGrace))
      context->log->warn("stopping with requests still in progress after {}s", kStopGrace.count());
    work.reset();
    io.stop();
    for (auto& thread : threads) thread.join();
    // Again, now that no thread runs: the posted close may not have run before io.stop().
    boost::system::error_code ignored;
    acceptor.close(ignored);
    // A handler still running finishes here; its answer is dropped with the io_context.
    context->workers.join();
    context->log->info("stopped listening on port {}", port);
  }

  // Declared first, destroyed last: sessions that die with the io_context still use it.
  std::shared_ptr<ServerContext> context;
  asio::io_context io;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work{
      io.get_executor()};
  tcp::acceptor acceptor;
  asio::steady_timer retry_timer;
  std::vector<std::thread> threads;
  unsigned short port = 0;
  std::mutex stop_mutex;
  bool stopped = false;
};

model::Result<std::unique_ptr<HttpServer>> HttpServer::start(ServerOptions options,
                                                             Handler handler, Metrics& metrics) {
  if (auto valid = check(options); !valid) return valid.error();
  if (!handler) return model::Error{"no request handler given"};
  std::unique_ptr<asio::ssl::context> tls;
  if (options.tls) {
    auto made = make_tls_context(options);
    if (!made) return made.error();
    tls = std::move(made).value();
  }
  auto context = std::make_shared<ServerContext>(std::move(options), std::move(handler), metrics,
                                                 http_logger());
  context->tls = std::move(tls);
  auto impl = std::make_unique<Impl>(std::move(context));
  if (auto bound = impl->listen(); !bound) return bound.error();
  impl->run();
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() { stop(); }

unsigned short HttpServer::port() const { return impl_->port; }

void HttpServer::stop() { impl_->stop(); }

}  // namespace zt::ingest
