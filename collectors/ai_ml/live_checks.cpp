#include "collectors/ai_ml/live_checks.hpp"

#include "collectors/core/http_answer.hpp"

namespace zt::ai_ml {
namespace {

struct Listing {
  std::string_view check;  // the LiveCheck's name
  std::string path;
};

std::optional<Listing> listing_of(const MlService& service) {
  switch (service.kind) {
    case ServiceKind::jupyter:
      return Listing{"jupyter_api_kernels", service.jupyter.base_url + "api/kernels"};
    case ServiceKind::ollama: return Listing{"ollama_api_tags", "/api/tags"};
    case ServiceKind::openai_api: return Listing{"openai_v1_models", "/v1/models"};
    default: return std::nullopt;
  }
}

}  // namespace

ListingAnswer read_listing_answer(ServiceKind kind, std::string_view answer) {
  ListingAnswer out;
  const auto status = collector::http_status(answer);
  if (!status) return out;
  if (*status == 401 || *status == 403) {
    out.open = false;
    return out;
  }
  const auto body = collector::http_ok_json(answer);
  if (!body) return out;
  const nlohmann::json* list = body.operator->();
  if (kind == ServiceKind::ollama || kind == ServiceKind::openai_api) {
    const auto it = body->find(kind == ServiceKind::ollama ? "models" : "data");
    list = it == body->end() ? nullptr : &*it;
  }
  if (list == nullptr || !list->is_array()) return out;
  out.open = true;
  out.listing = std::to_string(list->size()) +
                (kind == ServiceKind::jupyter ? " kernels" : " models");
  return out;
}

void check_service(MlService& service, collector::LiveChecker& checker,
                   std::chrono::milliseconds limit) {
  const auto listing = listing_of(service);
  if (!listing) return;
  const auto target = collector::loopback_target(service.sockets);
  if (!target) return;
  collector::Exchange ex;
  ex.send = collector::http_get_request(listing->path);
  ex.complete = collector::http_answer_complete;
  ex.max_bytes = 256 * 1024;
  const collector::ExchangeResult result = checker.exchange(*target, ex, limit);
  collector::LiveCheck c = collector::record_check(listing->check, *target, result);
  const ListingAnswer answer = read_listing_answer(service.kind, result.received);
  service.answered_open = answer.open;
  service.listing = answer.listing;
  if (answer.open)
    c.outcome = *answer.open ? "listed " + answer.listing + " without credentials"
                             : "asks for credentials";
  else if (result.connected)
    c.outcome = "not a " + service.product + " answer";
  service.live = std::move(c);
}

}  // namespace zt::ai_ml
