#include "schema-client/model/category.hpp"

#include <array>

namespace zt::model {
namespace {

using enum FieldType;
using Ident = std::string_view;

constexpr FieldSpec kSystemFields[] = {
    {"vulnerability_type", text}, {"os_name", text},         {"os_version", text},
    {"component_name", text},     {"component_version", text}, {"cve_id", text},
    {"patch_available", boolean}, {"patch_url", text},        {"eol_date", date}};
constexpr Ident kSystemIdentity[] = {"component_name", "component_version", "vulnerability_type",
                                     "cve_id"};

constexpr FieldSpec kNetworkFields[] = {
    {"host", text},          {"port", integer},           {"protocol", text},
    {"service_name", text},  {"service_version", text},   {"ssl_enabled", boolean},
    {"ssl_version", text},   {"ssl_cipher", text},        {"ssl_cert_expiry", timestamp},
    {"vulnerability_count", integer}};
constexpr Ident kNetworkIdentity[] = {"host", "port", "protocol", "finding_type"};

constexpr FieldSpec kComplianceFields[] = {
    {"framework", text}, {"category", text}, {"requirement", text}, {"status", text},
    {"evidence", json}};
constexpr Ident kComplianceIdentity[] = {"framework", "requirement"};

constexpr FieldSpec kAuthFields[] = {{"finding_type", text}, {"user_account", text}};
constexpr Ident kAuthIdentity[] = {"finding_type", "user_account"};

constexpr FieldSpec kDatabaseFields[] = {{"database_type", text}, {"host", text},
                                         {"port", integer},       {"database_name", text},
                                         {"finding_type", text}};
constexpr Ident kDatabaseIdentity[] = {"database_type", "host", "port", "finding_type"};

constexpr FieldSpec kApiFields[] = {
    {"api_type", text}, {"endpoint", text}, {"method", text}, {"finding_type", text}};
constexpr Ident kApiIdentity[] = {"endpoint", "method", "finding_type"};

constexpr FieldSpec kContainerFields[] = {
    {"container_id", text}, {"image_name", text}, {"image_tag", text}, {"finding_type", text}};
constexpr Ident kContainerIdentity[] = {"container_id", "image_name", "image_tag",
                                        "finding_type"};

constexpr FieldSpec kAiMlFields[] = {
    {"finding_type", text}, {"model_name", text}, {"model_version", text}, {"framework", text}};
constexpr Ident kAiMlIdentity[] = {"model_name", "finding_type"};

constexpr FieldSpec kIotOtFields[] = {
    {"device_type", text}, {"device_id", text}, {"protocol", text}, {"finding_type", text}};
constexpr Ident kIotOtIdentity[] = {"device_id", "protocol", "finding_type"};

constexpr FieldSpec kPrivacyFields[] = {
    {"finding_type", text}, {"data_type", text}, {"location", text}};
constexpr Ident kPrivacyIdentity[] = {"location", "data_type", "finding_type"};

constexpr FieldSpec kWeb3Fields[] = {
    {"finding_type", text}, {"contract_address", text}, {"network", text}};
constexpr Ident kWeb3Identity[] = {"contract_address", "location", "finding_type"};

// config_findings' own columns, plus the config_files columns that describe the file.
constexpr FieldSpec kConfigFields[] = {
    {"finding_type", text},     {"category", text},         {"affected_component", text},
    {"config_snippet", text},   {"line_numbers", json},     {"compliance_frameworks", json},
    {"status", text},           {"filename", text},         {"file_path", text},
    {"file_hash", text},        {"device_type", text},      {"manufacturer", text},
    {"model", text},            {"firmware_version", text}, {"config_type", text}};
constexpr Ident kConfigIdentity[] = {"file_path", "finding_type", "affected_component"};

constexpr std::array<CategorySpec, 12> kSpecs{{
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

}  // namespace

const CategorySpec& spec(Category category) { return kSpecs[static_cast<std::size_t>(category)]; }

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
