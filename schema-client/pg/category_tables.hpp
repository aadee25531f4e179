#pragma once
// How a finding maps onto its category table: which of the finding's common values the seed
// gave that table a column for (network_findings has no title, compliance_checks no title,
// config_findings no metadata…), and the SQL type of each of the category's own fields.
// Internal to the batch writer.
#include <string_view>

#include "schema-client/model/category.hpp"

namespace zt::pg {

struct TableShape {
  bool severity = true;
  bool title = true;
  bool description = true;
  bool remediation = true;
  bool risk_score = false;
  bool metadata = true;
  bool agent_id = true;
  bool scan_id = false;
};

const TableShape& table_shape(model::Category category);

// The PostgreSQL type a field of `type` is read as from JSON (jsonb_to_recordset).
std::string_view sql_type(model::FieldType type);

// config_files columns among the config category's fields; the rest are config_findings'.
bool is_config_file_field(std::string_view field);

}  // namespace zt::pg
