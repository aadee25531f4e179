#include "schema-client/model/validation.hpp"

#include <cmath>

#include "schema-client/model/timestamp.hpp"

namespace zt::model {
namespace {

bool has_type(const nlohmann::json& value, FieldType type) {
  switch (type) {
    case FieldType::text: return value.is_string();
    case FieldType::integer: return value.is_number_integer();
    case FieldType::number: return value.is_number();
    case FieldType::boolean: return value.is_boolean();
    case FieldType::timestamp:
      return value.is_string() && parse_timestamp(value.get_ref<const std::string&>());
    case FieldType::date:
      return value.is_string() && is_valid_date(value.get_ref<const std::string&>());
    case FieldType::json: return true;
  }
  return false;
}

}  // namespace

std::string_view json_type_name(const nlohmann::json& value) {
  if (value.is_number_integer()) return "integer";
  if (value.is_number()) return "number";
  return value.type_name();
}

std::vector<Problem> finding_problems(const Finding& finding, std::string_view path) {
  std::vector<Problem> problems;
  const std::string p{path};
  if (finding.title.empty()) problems.push_back({p + ".title", "must not be empty"});
  if (!std::isfinite(finding.risk_score) || finding.risk_score < 0 || finding.risk_score > 10)
    problems.push_back({p + ".risk_score", "must be between 0 and 10"});
  if (!finding.metadata.is_object())
    problems.push_back(
        {p + ".metadata", "expected object, got " + std::string(json_type_name(finding.metadata))});
  if (!finding.fields.is_object()) {
    problems.push_back(
        {p + ".fields", "expected object, got " + std::string(json_type_name(finding.fields))});
    return problems;
  }
  const CategorySpec& category = spec(finding.category);
  for (const auto& [key, value] : finding.fields.items()) {
    const FieldSpec* field = find_field(category, key);
    if (field == nullptr) {
      problems.push_back({p + ".fields." + key, "not a column of " + std::string(category.table)});
    } else if (!value.is_null() && !has_type(value, field->type)) {
      problems.push_back({p + ".fields." + key,
                          "expected " + std::string(to_string(field->type)) + ", got " +
                              (value.is_string() ? "\"" + value.get<std::string>() + "\""
                                                 : std::string(json_type_name(value)))});
    }
  }
  return problems;
}

}  // namespace zt::model
