#pragma once
// Finding categories and the category → table mapping (docs/ARCHITECTURE.md).
//
// Each category names its table, the table's own columns that a finding carries in `fields`
// (by the seed schema's names, without the columns every finding has at the top level:
// severity, title, description, remediation, risk_score, metadata) and the fields that
// identify the thing found, from which the fingerprint is made.
//
// Each field also carries its column's limits (the varchar length, the integer range of the
// column or its CHECK), read by the column check of columns.hpp; SCHEMA.md lists them and a
// test compares them with the live schema's information_schema.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>

namespace zt::model {

enum class Category {
  system, network, compliance, auth, database, api, container, ai_ml, iot_ot, privacy, web3, config
};
// The last category: a new one is added after it and becomes kLastCategory. Every table indexed
// by Category is sized with kCategoryCount and checked by a static_assert, so a category
// without its row fails to compile instead of indexing past a table.
inline constexpr Category kLastCategory = Category::config;
inline constexpr std::size_t kCategoryCount = static_cast<std::size_t>(kLastCategory) + 1;

enum class FieldType { text, integer, number, boolean, timestamp, date, json };

struct FieldSpec {
  std::string_view name;
  FieldType type;
  // text: the most characters the column takes (varchar(n), or the cap of a text column in a
  // b-tree or full-text index); 0: unbounded text.
  std::uint32_t max_chars = 0;
  // text over max_chars: cut to it and noted (free text), or refused (what names a thing).
  bool cut = false;
  // integer: the column's range (integer, narrowed by its CHECK).
  std::int64_t min = std::numeric_limits<std::int32_t>::min();
  std::int64_t max = std::numeric_limits<std::int32_t>::max();
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
// The field `name` of the category's table, or nullptr.
const FieldSpec* find_field(const CategorySpec& category, std::string_view name);
std::string_view to_string(Category category);
std::optional<Category> parse_category(std::string_view text);
std::span<const CategorySpec> all_categories();
std::string_view to_string(FieldType type);

}  // namespace zt::model
