#include "schema-client/pg/category_tables.hpp"

#include <algorithm>
#include <array>

namespace zt::pg {

const TableShape& table_shape(model::Category category) {
  using model::Category;
  static const TableShape kDefault{};
  static const TableShape kNetwork{.severity = false,
                                   .title = false,
                                   .description = false,
                                   .remediation = false,
                                   .scan_id = true};
  static const TableShape kCompliance{.title = false};
  static const TableShape kAuth{.risk_score = true};
  static const TableShape kConfig{.risk_score = true, .metadata = false};
  switch (category) {
    case Category::network: return kNetwork;
    case Category::compliance: return kCompliance;
    case Category::auth: return kAuth;
    case Category::config: return kConfig;
    default: return kDefault;
  }
}

std::string_view sql_type(model::FieldType type) {
  switch (type) {
    case model::FieldType::text: return "text";
    case model::FieldType::integer: return "integer";
    case model::FieldType::number: return "numeric";
    case model::FieldType::boolean: return "boolean";
    case model::FieldType::timestamp: return "timestamptz";
    case model::FieldType::date: return "date";
    case model::FieldType::json: return "jsonb";
  }
  return "text";
}

bool is_config_file_field(std::string_view field) {
  static constexpr std::array<std::string_view, 8> kFileFields = {
      "filename", "file_path", "file_hash", "device_type",
      "manufacturer", "model", "firmware_version", "config_type"};
  return std::find(kFileFields.begin(), kFileFields.end(), field) != kFileFields.end();
}

}  // namespace zt::pg
