#pragma once
// Finding categories and the category → table mapping of ../shared/DESIGN.md.
//
// Each category names its table, the table's own columns that a finding carries in `fields`
// (by the seed schema's names, without the columns every finding has at the top level:
// severity, title, description, remediation, risk_score, metadata) and the fields that
// identify the thing found, from which the fingerprint is made.
#include <optional>
#include <span>
#include <string_view>

namespace zt::model {

enum class Category {
  system, network, compliance, auth, database, api, container, ai_ml, iot_ot, privacy, web3, config
};

enum class FieldType { text, integer, number, boolean, timestamp, date, json };

struct FieldSpec {
  std::string_view name;
  FieldType type;
};

struct CategorySpec {
  Category category;
  std::string_view name;   // on the wire and in vulnerabilities_v2.category
  std::string_view table;  // the category table of the seed schema
  std::span<const FieldSpec> fields;
  // Looked up in `fields`, then in `metadata` (for a kind the table has no column for).
  std::span<const std::string_view> identity;
};

const CategorySpec& spec(Category category);
std::string_view to_string(Category category);
std::optional<Category> parse_category(std::string_view text);
std::span<const CategorySpec> all_categories();
std::string_view to_string(FieldType type);

}  // namespace zt::model
