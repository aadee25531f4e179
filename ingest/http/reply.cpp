#include "ingest/http/reply.hpp"

#include <exception>
#include <utility>

#include "schema-client/base/gzip.hpp"

namespace zt::ingest {

Reply refusal(unsigned status, std::string_view code, std::string_view message, bool close,
              const AnswerFields& fields) {
  return Reply{error_response(status, code, message, {}, fields), close, code};
}

Reply process(const Handler& handler, spdlog::logger& log, std::size_t max_decompressed_bytes,
              Request request, bool gzip, const AnswerFields& fields) {
  if (gzip) {
    auto inflated = base::gzip_decompress(request.body, max_decompressed_bytes);
    if (!inflated) {
      // Over the limit closes the connection like any 413; a corrupt body was read whole,
      // so the connection is still good.
      if (base::is_over_limit(inflated.error()))
        return refusal(413, "body_too_large", inflated.error().message, true, fields);
      return refusal(400, "bad_request", inflated.error().message, false, fields);
    }
    request.body = std::move(inflated).value();
  }
  try {
    return Reply{handler(request), false, {}};
  } catch (const std::exception& e) {
    log.error("handler failed on {} {}: {}", request.method, request.target, e.what());
  } catch (...) {
    log.error("handler failed on {} {}: unknown exception", request.method, request.target);
  }
  return refusal(500, "internal_error", "internal server error", false, fields);
}

}  // namespace zt::ingest
