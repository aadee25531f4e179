#pragma once
// Internal to ingest/http: what a session sends back, and how a fully read request becomes
// one. No network code, so it is tested on its own.
//
// process() runs on a worker thread: it decodes a gzip body (413 past the limit, 400 when
// corrupt), then calls the handler; an exception from the handler becomes a 500 and a log
// line (never the exception's text in the answer: it may say more than a client should know).
// Its refusals, like refusal()'s, carry the route's answer fields (request.hpp).
#include <cstddef>
#include <string_view>

#include <spdlog/logger.h>

#include "ingest/http/request.hpp"

namespace zt::ingest {

struct Reply {
  Response response;
  bool close = false;           // close the connection after this answer
  std::string_view error_kind;  // counted in zerotrace_ingest_errors_total when not empty
};

// The server's own refusal: error_response(status, code, message, {}, fields), counted under
// `code`.
Reply refusal(unsigned status, std::string_view code, std::string_view message, bool close,
              const AnswerFields& fields = nullptr);

Reply process(const Handler& handler, spdlog::logger& log, std::size_t max_decompressed_bytes,
              Request request, bool gzip, const AnswerFields& fields = nullptr);

}  // namespace zt::ingest
