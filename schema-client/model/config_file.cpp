#include "schema-client/model/config_file.hpp"

namespace zt::model {

bool is_parsing_status(std::string_view status) {
  return status == "parsed" || status == "unsupported" || status == "failed";
}

bool is_analysis_status(std::string_view status) {
  return status == "analyzed" || status == "not_analyzed";
}

}  // namespace zt::model
