#include "collectors/compliance/result.hpp"

namespace zt::compliance {

std::string_view to_string(Status status) {
  switch (status) {
    case Status::pass: return "pass";
    case Status::fail: return "fail";
    case Status::not_applicable: return "not_applicable";
    case Status::error: return "error";
    case Status::manual: return "manual";
  }
  return "error";
}

}  // namespace zt::compliance
