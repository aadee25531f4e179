// One connection: TLS handshake (when on), then requests read one after the other, each under
// a deadline and a size limit, each answered before the next is read. The only file of the
// server that includes Beast's HTTP code.
//
// Threads: everything of a session runs on its strand except process() (gunzip and the
// handler), which runs on the worker pool and posts the reply back.
#include "ingest/http/session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <spdlog/spdlog.h>

#include <limits>
#include <optional>
#include <type_traits>

#include "ingest/http/header_values.hpp"
#include "ingest/http/reply.hpp"

namespace zt::ingest {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using PlainStream = beast::tcp_stream;
// Asio's TLS stream rather than beast::ssl_stream: the latter adds a write-coalescing layer
// that costs a quarter of this file's compile time and buys nothing at our request sizes.
using TlsStream = asio::ssl::stream<beast::tcp_stream>;

constexpr std::uint32_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kReadChunk = 16 * 1024;
// How long a closing connection waits for the client to finish sending and close its side.
constexpr std::chrono::seconds kLinger{1};

// What the session is waiting for; it decides what an expired deadline means.
enum class Phase { handshake, idle, header, body, handler, write, closing };

// Beast 1.74 has Boost's string_view, not std's.
std::string_view view(beast::string_view text) { return {text.data(), text.size()}; }

// A malformed request, as opposed to the client going away (which needs no answer).
bool is_parse_error(beast::error_code ec) {
  return ec.category() == http::make_error_code(http::error::bad_method).category() &&
         ec != http::error::end_of_stream && ec != http::error::partial_message;
}

template <class Stream>
class Session : public Connection, public std::enable_shared_from_this<Session<Stream>> {
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

 public:
  template <class... StreamArgs>
  Session(std::shared_ptr<ServerContext> context, Admission admission, std::string remote,
          StreamArgs&&... stream_args)
      : context_(std::move(context)),
        stream_(std::forward<StreamArgs>(stream_args)...),
        executor_(stream_.get_executor()),
        deadline_(executor_),
        admission_(admission),
        remote_(std::move(remote)) {}

  ~Session() override { context_->leave(this, admission_); }

  void start() {
    context_->enroll(this, this->weak_from_this());
    asio::dispatch(executor_, [self = this->shared_from_this()] { self->begin(); });
  }

  void drain() override {
    asio::post(executor_, [self = this->shared_from_this()] { self->on_drain(); });
  }

 private:
  const ServerOptions& options() const { return context_->options; }
  // What every answer on the request's route carries (null before the path is read).
  const AnswerFields& fields() const {
    static const AnswerFields kNone;
    return known_ ? known_->answer_fields : kNone;
  }
  // The server's own refusal on the request's route.
  Reply refuse(unsigned status, std::string_view code, std::string_view message,
               bool close) const {
    return refusal(status, code, message, close, fields());
  }

  void begin() {
    if (context_->stopping()) return close_now();
    if constexpr (kTls) {
      arm(options().header_timeout, Phase::handshake);
      stream_.async_handshake(asio::ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code ec) {
                                self->on_handshake(ec);
                              });
    } else {
      after_handshake();
    }
  }

  void on_handshake(beast::error_code ec) {
    disarm();
    if (ec) {
      context_->log->debug("TLS handshake with {} failed: {}", remote_, ec.message());
      return close_now();
    }
    after_handshake();
  }

  void after_handshake() {
    if (admission_ == Admission::refuse) {
      // Answered at once, request unread: the point is to spend nothing on it.
      started_ = Clock::now();
      Reply reply = refuse(503, "too_many_connections",
                            "the server is at its connection limit; retry shortly", true);
      reply.response.retry_after = std::chrono::seconds(1);
      return send(std::move(reply));
    }
    read_request();
  }

  void read_request() {
    if (draining_) return finish();
    path_.clear();
    known_ = nullptr;
    gzip_ = false;
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    // Content-Length is checked by hand after the header (to answer 413 with the route
    // known); the limit is set before the body is read, where chunked bodies hit it.
    // Not boost::none: Beast 1.74 compares the length with an empty optional and fails.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    if (requests_ > 0 && buffer_.size() == 0) {
      // Keep-alive: idle_timeout until the next request starts, header_timeout from there.
      arm(options().idle_timeout, Phase::idle);
      return read_some();
    }
    read_header();
  }

  void read_header() {
    started_ = Clock::now();
    arm(options().header_timeout, Phase::header);
    read_some();
  }

  // Header and body are read by one loop over http::async_read_some rather than by
  // async_read_header and async_read: one composed operation instead of two halves the
  // Beast code compiled for each stream type.
  void read_some() {
    http::async_read_some(stream_, buffer_, *parser_,
                          [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                            self->on_read(ec);
                          });
  }

  void on_read(beast::error_code ec) {
    if (phase_ == Phase::idle) {
      if (ec) return close_now();  // the client left, or idle too long: nothing to answer
      started_ = Clock::now();
      arm(options().header_timeout, Phase::header);
    }
    const bool header = phase_ == Phase::header;
    if (!ec && !(header ? parser_->is_header_done() : parser_->is_done())) return read_some();
    header ? on_header(ec) : on_body(ec);
  }

  void on_header(beast::error_code ec) {
    disarm();
    const bool got_some = parser_->got_some() || buffer_.size() > 0;
    if (ec) {
      if (!got_some || ec == http::error::end_of_stream) return close_now();
      if (timed_out_)
        return send(refuse(408, "header_timeout", "request header not received in time", true));
      if (ec == http::error::header_limit)
        return send(refuse(431, "header_too_large", "request header too large", true));
      if (is_parse_error(ec)) {
        context_->log->debug("malformed request from {}: {}", remote_, ec.message());
        return send(refuse(400, "bad_request", "malformed HTTP request", true));
      }
      return close_now();  // a socket error: nobody to answer
    }

    const auto& header = parser_->get();
    path_ = path_of(view(header.target()));
    known_ = known_route(path_, options().known_routes);
    version_ = header.version();
    keep_alive_ = header.keep_alive();

    if (const auto length = parser_->content_length(); length && *length > options().max_body_bytes)
      return send(refuse(413, "body_too_large", body_limit_message(), true));
    const BodyEncoding encoding = body_encoding(view(header[http::field::content_encoding]));
    if (encoding == BodyEncoding::unsupported)
      return send(refuse(415, "unsupported_encoding",
                          "Content-Encoding must be identity or gzip", true));
    gzip_ = encoding == BodyEncoding::gzip;
    parser_->body_limit(options().max_body_bytes);

    if (parser_->is_done()) return dispatch_request();
    if (beast::iequals(header[http::field::expect], "100-continue")) return send_continue();
    read_body();
  }

  // The client waits for this before it sends a large body (curl does, above 1 MiB).
  void send_continue() {
    response_.emplace();
    response_->version(version_);
    response_->result(http::status::continue_);
    continuing_ = true;
    write_response();
  }

  void read_body() {
    arm(options().body_timeout, Phase::body);
    read_some();
  }

  void on_body(beast::error_code ec) {
    disarm();
    if (ec) {
      if (timed_out_)
        return send(refuse(408, "body_timeout", "request body not received in time", true));
      if (ec == http::error::body_limit)
        return send(refuse(413, "body_too_large", body_limit_message(), true));
      if (is_parse_error(ec))
        return send(refuse(400, "bad_request", "malformed HTTP request body", true));
      return close_now();  // the client left mid-body
    }
    dispatch_request();
  }

  void dispatch_request() {
    auto message = parser_->release();
    Request request;
    request.method = std::string(view(message.method_string()));
    request.target = path_;
    request.content_type = media_type(view(message[http::field::content_type]));
    request.authorization = std::string(view(message[http::field::authorization]));
    request.body = std::move(message.body());
    request.remote_address = remote_;
    phase_ = Phase::handler;
    asio::post(context_->workers, [self = this->shared_from_this(), request = std::move(request),
                                   gzip = gzip_]() mutable {
      const ServerContext& context = *self->context_;
      Reply reply = process(context.handler, *context.log, context.options.max_decompressed_bytes,
                            std::move(request), gzip, self->fields());
      asio::post(self->executor_, [self, reply = std::move(reply)]() mutable {
        self->send(std::move(reply));
      });
    });
  }

  void send(Reply reply) {
    if (!reply.error_kind.empty()) {
      context_->metrics.count_error(reply.error_kind);
      context_->log->debug("refused a request from {}: {} {}", remote_, reply.response.status,
                           reply.error_kind);
    }
    if (reply.response.status < 100 || reply.response.status > 999) {
      context_->log->error("handler gave HTTP status {} on {}; answering 500",
                           reply.response.status, path_);
      reply = refuse(500, "internal_error", "internal server error", false);
    }
    status_ = reply.response.status;
    close_after_ = reply.close || !keep_alive_ || draining_ || context_->stopping();
    response_.emplace();
    response_->version(version_);
    response_->result(reply.response.status);
    response_->set(http::field::server, "zerotrace-ingest");
    response_->set(http::field::content_type, reply.response.content_type);
    if (reply.response.retry_after)
      response_->set(http::field::retry_after, std::to_string(reply.response.retry_after->count()));
    if (!reply.response.allow.empty()) response_->set(http::field::allow, reply.response.allow);
    response_->body() = std::move(reply.response.body);
    response_->keep_alive(!close_after_);
    response_->prepare_payload();
    write_response();
  }

  // The one place that writes: every write instantiates Beast's serializer for this handler
  // type once, where a second call site would double that code (and its compile time).
  void write_response() {
    // A client that will not read its answer is cut off like one that will not send.
    arm(options().body_timeout, Phase::write);
    http::async_write(stream_, *response_,
                      [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                        self->on_write(ec);
                      });
  }

  void on_write(beast::error_code ec) {
    disarm();
    response_.reset();
    if (continuing_) {
      continuing_ = false;
      if (ec) return close_now();
      return read_body();
    }
    ++requests_;
    const double seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    context_->metrics.observe_request(known_ ? std::string_view(known_->path) : "other", status_,
                                      seconds);
    if (ec) return close_now();
    if (close_after_) return finish();
    read_request();
  }

  // Ends the connection politely: TLS close_notify, then our FIN, then whatever the client
  // still sends is read and dropped until it closes its side. Closing with unread input would
  // make the kernel send RST, which can destroy the answer (a 413, say) before it is read.
  void finish() {
    if constexpr (kTls) {
      arm(kLinger, Phase::closing);
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {
        self->disarm();
        self->linger();
      });
    } else {
      linger();
    }
  }

  void linger() {
    beast::error_code ignored;
    socket().shutdown(tcp::socket::shutdown_send, ignored);
    arm(kLinger, Phase::closing);
    discard_input();
  }

  void discard_input() {
    buffer_.consume(buffer_.size());
    socket().async_read_some(buffer_.prepare(kReadChunk),
                             [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                               if (ec) return self->close_now();
                               self->discard_input();
                             });
  }

  void close_now() {
    disarm();
    phase_ = Phase::closing;
    beast::error_code ignored;
    socket().shutdown(tcp::socket::shutdown_both, ignored);
    socket().close(ignored);
  }

  void on_drain() {
    draining_ = true;
    // Waiting for a request that has not started, or already closing: close at once. A
    // request in progress runs to its answer, which then says Connection: close.
    if (phase_ == Phase::handshake || phase_ == Phase::idle || phase_ == Phase::closing ||
        (phase_ == Phase::header && !parser_->got_some() && buffer_.size() == 0))
      close_now();
  }

  // One deadline per session, re-armed for each step. A stale expiry (the step finished
  // while the timer's handler was queued) is recognised by its generation and ignored.
  void arm(Clock::duration limit, Phase phase) {
    phase_ = phase;
    timed_out_ = false;
    ++generation_;
    deadline_.expires_after(limit);
    deadline_.async_wait([self = this->shared_from_this(), generation = generation_](
                             beast::error_code ec) {
      if (!ec && generation == self->generation_) self->on_deadline();
    });
  }

  void disarm() {
    ++generation_;
    deadline_.cancel();
  }

  void on_deadline() {
    timed_out_ = true;
    if (phase_ == Phase::idle || phase_ == Phase::header || phase_ == Phase::body) {
      // Cancel the read only, so its handler can still answer 408 on this connection.
      beast::error_code ignored;
      socket().cancel(ignored);
    } else {
      close_now();
    }
  }

  std::string body_limit_message() const {
    return "request body larger than " + std::to_string(options().max_body_bytes) + " bytes";
  }

  tcp::socket& socket() { return beast::get_lowest_layer(stream_).socket(); }

  std::shared_ptr<ServerContext> context_;
  Stream stream_;
  asio::any_io_executor executor_;
  asio::steady_timer deadline_;
  const Admission admission_;
  const std::string remote_;

  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::string_body>> response_;

  Phase phase_ = Phase::handshake;
  unsigned generation_ = 0;
  bool timed_out_ = false;
  bool draining_ = false;
  bool close_after_ = false;
  bool keep_alive_ = false;
  bool gzip_ = false;
  bool continuing_ = false;  // the write in progress is a 100 Continue
  unsigned version_ = 11;
  unsigned status_ = 0;
  std::uint64_t requests_ = 0;
  std::string path_;
  const KnownRoute* known_ = nullptr;  // in options().known_routes; null: "other"
  Clock::time_point started_ = Clock::now();
};

template <class Stream, class... StreamArgs>
void launch(std::shared_ptr<ServerContext> context, Admission admission, std::string remote,
            StreamArgs&&... stream_args) {
  std::make_shared<Session<Stream>>(std::move(context), admission, std::move(remote),
                                    std::forward<StreamArgs>(stream_args)...)
      ->start();
}

}  // namespace

void start_session(std::shared_ptr<ServerContext> context, tcp::socket socket,
                   Admission admission) {
  beast::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  std::string remote = ec ? "unknown" : endpoint.address().to_string();
  if (context->tls) {
    auto& tls = *context->tls;
    launch<TlsStream>(std::move(context), admission, std::move(remote), std::move(socket), tls);
  } else {
    launch<PlainStream>(std::move(context), admission, std::move(remote), std::move(socket));
  }
}

}  // namespace zt::ingest
