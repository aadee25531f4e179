#include "schema-client/model/category.hpp"

#include <array>

namespace zt::model {
namespace {

using enum FieldType;
using Ident = std::string_view;

// A text column in a b-tree index (network_findings (company_id, host, port), config_files
// (company_id, agent_id, file_path)): 500 characters are at most 2,000 bytes of UTF-8, under
// the 2,704 bytes a b-tree entry may hold.
constexpr std::uint32_t kIndexedChars = 500;
constexpr FieldSpec kFindingType{.name = "finding_type", .type = text, .max_chars = 100};
constexpr FieldSpec kPort{.name = "port", .type = integer, .min = 0, .max = 65535};

constexpr FieldSpec kSystemFields[] = {
    {"vulnerability_type", text, 100}, {"os_name", text},         {"os_version", text},
    {"component_name", text},     {"component_version", text}, {"cve_id", text, 64},
    {"patch_available", boolean}, {"patch_url", text},        {"eol_date", date}};
constexpr Ident kSystemIdentity[] = {"component_name", "component_version", "vulnerability_type",
                                     "cve_id"};

constexpr FieldSpec kNetworkFields[] = {
    {"host", text, kIndexedChars}, kPort,                  {"protocol", text, 50},
    {"service_name", text},  {"service_version", text},   {"ssl_enabled", boolean},
    {"ssl_version", text, 50},   {"ssl_cipher", text},        {"ssl_cert_expiry", timestamp},
    {"vulnerability_count", integer}};
constexpr Ident kNetworkIdentity[] = {"host", "port", "protocol", "finding_type"};

constexpr FieldSpec kComplianceFields[] = {
    {"framework", text, 100}, {"category", text, 100}, {"requirement", text},
    {"status", text, 32},
    {"evidence", json}};
constexpr Ident kComplianceIdentity[] = {"framework", "requirement"};

constexpr FieldSpec kAuthFields[] = {kFindingType, {"user_account", text}};
constexpr Ident kAuthIdentity[] = {"finding_type", "user_account"};

constexpr FieldSpec kDatabaseFields[] = {{"database_type", text, 50}, {"host", text}, kPort,
                                         {"database_name", text}, kFindingType};
constexpr Ident kDatabaseIdentity[] = {"database_type", "host", "port", "finding_type"};

constexpr FieldSpec kApiFields[] = {
    {"api_type", text, 50}, {"endpoint", text}, {"method", text, 20}, kFindingType};
constexpr Ident kApiIdentity[] = {"endpoint", "method", "finding_type"};

constexpr FieldSpec kContainerFields[] = {
    {"container_id", text}, {"image_name", text}, {"image_tag", text}, kFindingType};
constexpr Ident kContainerIdentity[] = {"container_id", "image_name", "image_tag",
                                        "finding_type"};

constexpr FieldSpec kAiMlFields[] = {
    kFindingType, {"model_name", text}, {"model_version", text}, {"framework", text, 100}};
constexpr Ident kAiMlIdentity[] = {"model_name", "finding_type"};

constexpr FieldSpec kIotOtFields[] = {
    {"device_type", text, 100}, {"device_id", text}, {"protocol", text, 50}, kFindingType};
constexpr Ident kIotOtIdentity[] = {"device_id", "protocol", "finding_type"};

constexpr FieldSpec kPrivacyFields[] = {
    kFindingType, {"data_type", text, 100}, {"location", text}};
constexpr Ident kPrivacyIdentity[] = {"location", "data_type", "finding_type"};

constexpr FieldSpec kWeb3Fields[] = {
    kFindingType, {"contract_address", text}, {"network", text, 100}};
constexpr Ident kWeb3Identity[] = {"contract_address", "location", "finding_type"};

// config_findings' own columns, plus the config_files columns that describe the file.
constexpr FieldSpec kConfigFields[] = {
    kFindingType,                    {"category", text, 100},
    {"affected_component", text},    {"config_snippet", text},
    {"line_numbers", json},          {"compliance_frameworks", json},
    {"status", text, 32},            {"filename", text},
    {"file_path", text, kIndexedChars}, {"file_hash", text, 128},
    {"device_type", text, 100},      {"manufacturer", text, 100},
    {"model", text, 100},            {"firmware_version", text, 100},
    {"config_type", text, 50}};
constexpr Ident kConfigIdentity[] = {"file_path", "finding_type", "affected_component"};

constexpr std::array<CategorySpec, kCategoryCount> kSpecs{{
    {Category::system, "system", "system_vulnerabilities", kSystemFields, kSystemIdentity},
    {Category::network, "network", "network_findings", kNetworkFields, kNetworkIdentity},
    {Category::compliance, "compliance", "compliance_checks", kComplianceFields,
     kComplianceIdentity},
    {Category::auth, "auth", "auth_findings", kAuthFields, kAuthIdentity},
    {Category::database, "database", "database_findings", kDatabaseFields, kDatabaseIdentity},
    {Category::api, "api", "api_findings", kApiFields, kApiIdentity},
    {Category::container, "container", "container_findings", kContainerFields,
     kContainerIdentity},
    {Category::ai_ml, "ai_ml", "ai_ml_findings", kAiMlFields, kAiMlIdentity},
    {Category::iot_ot, "iot_ot", "iot_ot_findings", kIotOtFields, kIotOtIdentity},
    {Category::privacy, "privacy", "privacy_findings", kPrivacyFields, kPrivacyIdentity},
    {Category::web3, "web3", "web3_findings", kWeb3Fields, kWeb3Identity},
    {Category::config, "config", "config_findings", kConfigFields, kConfigIdentity},
}};

// Row i is category i, and every category has its row (an aggregate with fewer rows than
// kCategoryCount would leave the last ones empty).
constexpr bool rows_in_enum_order() {
  for (std::size_t i = 0; i < kSpecs.size(); ++i)
    if (static_cast<std::size_t>(kSpecs[i].category) != i || kSpecs[i].name.empty()) return false;
  return true;
}
static_assert(rows_in_enum_order(), "kSpecs needs one row per Category, in the enum's order");

}  // namespace

const CategorySpec& spec(Category category) { return kSpecs[static_cast<std::size_t>(category)]; }

const FieldSpec* find_field(const CategorySpec& category, std::string_view name) {
  for (const FieldSpec& f : category.fields)
    if (f.name == name) return &f;
  return nullptr;
}

std::string_view to_string(Category category) { return spec(category).name; }

std::optional<Category> parse_category(std::string_view text) {
  for (const CategorySpec& s : kSpecs)
    if (s.name == text) return s.category;
  return std::nullopt;
}

std::span<const CategorySpec> all_categories() { return kSpecs; }

std::string_view to_string(FieldType type) {
  switch (type) {
    case FieldType::text: return "string";
    case FieldType::integer: return "integer";
    case FieldType::number: return "number";
    case FieldType::boolean: return "boolean";
    case FieldType::timestamp: return "timestamp (RFC 3339, UTC)";
    case FieldType::date: return "date (YYYY-MM-DD)";
    case FieldType::json: return "JSON value";
  }
  return "value";
}

}  // namespace zt::model
