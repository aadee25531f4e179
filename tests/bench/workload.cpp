#include "tests/bench/workload.hpp"

#include <cstdio>
#include <iterator>
#include <map>

#include "schema-client/model/fingerprint.hpp"
#include "schema-client/model/uuid.hpp"
#include "schema-client/pg/category_tables.hpp"
#include "tests/schema-client/sample_batch.hpp"

namespace zt::bench {
namespace {

using model::Category;
using nlohmann::json;

std::string address_of(std::uint64_t n) {
  char text[32];
  std::snprintf(text, sizeof text, "10.%u.%u.%u", static_cast<unsigned>((n >> 16) & 255),
                static_cast<unsigned>((n >> 8) & 255), static_cast<unsigned>(n & 255));
  return text;
}

// COPY text format: each value ends with a tab, end_row() turns the last one into the newline.
void put_text(std::string& data, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\\': data += "\\\\"; break;
      case '\t': data += "\\t"; break;
      case '\n': data += "\\n"; break;
      case '\r': data += "\\r"; break;
      default: data += c;
    }
  }
  data += '\t';
}

void put_json(std::string& data, const json& value) {
  if (value.is_null()) data += "\\N\t";
  else if (value.is_string()) put_text(data, value.get_ref<const std::string&>());
  else put_text(data, value.dump());
}

void end_row(std::string& data) { data.back() = '\n'; }

// The columns of a category table in the order category_row() writes them: those the batch
// writer fills (schema-client/pg/batch_writer.cpp, build_category_statement).
std::string category_columns(Category category) {
  const pg::TableShape& shape = pg::table_shape(category);
  std::string columns = "company_id, vulnerability_id, fingerprint";
  if (shape.severity) columns += ", severity";
  if (shape.title) columns += ", title";
  if (shape.description) columns += ", description";
  if (shape.remediation) columns += ", remediation";
  if (shape.risk_score) columns += ", risk_score";
  if (shape.metadata) columns += ", metadata";
  if (shape.agent_id) columns += ", agent_id";
  if (shape.scan_id) columns += ", scan_id";
  for (const model::FieldSpec& field : model::spec(category).fields)
    columns += ", " + std::string(field.name);
  return columns;
}

void category_row(std::string& data, const model::Finding& f, std::string_view vulnerability_id,
                  std::string_view company_id, std::string_view agent_id,
                  std::string_view scan_id) {
  const pg::TableShape& shape = pg::table_shape(f.category);
  put_text(data, company_id);
  put_text(data, vulnerability_id);
  put_text(data, f.fingerprint);
  if (shape.severity) put_text(data, to_string(f.severity));
  if (shape.title) put_text(data, f.title);
  if (shape.description) put_text(data, f.description);
  if (shape.remediation) put_text(data, f.remediation);
  if (shape.risk_score) put_json(data, f.risk_score);
  if (shape.metadata) put_json(data, f.metadata);
  if (shape.agent_id) put_text(data, agent_id);
  if (shape.scan_id) put_text(data, scan_id);
  for (const model::FieldSpec& field : model::spec(f.category).fields) {
    const auto value = f.fields.find(std::string(field.name));
    put_json(data, value == f.fields.end() ? json() : *value);
  }
  end_row(data);
}

}  // namespace

model::AgentInfo agent_info(int index) {
  model::AgentInfo info;
  info.name = info.hostname = "bench-" + std::to_string(index);
  info.version = "0.1.0";
  info.os = "linux";
  return info;
}

model::Finding make_finding(std::string_view agent_identity, std::uint64_t n) {
  const Category category = kCategories[n % std::size(kCategories)];
  model::Finding f = testing::sample_finding(category);
  const std::string number = std::to_string(n);
  switch (category) {
    case Category::system:
      f.fields["component_name"] = "libbench" + number;
      f.fields.erase("cve_id");
      f.fields["vulnerability_type"] = "outdated_package";
      break;
    case Category::network:
      f.fields["host"] = address_of(n);
      f.fields["port"] = 1024 + n % 60000;
      break;
    case Category::auth: f.fields["user_account"] = "user" + number; break;
    case Category::database: f.fields["host"] = address_of(n); break;
    case Category::container: {
      char id[16];
      std::snprintf(id, sizeof id, "%012llx", static_cast<unsigned long long>(n));
      f.fields["container_id"] = id;
      break;
    }
    default: break;
  }
  f.fingerprint = model::compute_fingerprint(agent_identity, f);
  return f;
}

model::Batch make_batch(std::string_view agent_identity, const model::AgentInfo& agent,
                        int index, int count) {
  model::Batch batch;
  batch.batch_id = model::new_uuid();
  batch.agent = agent;
  batch.scan.id = model::new_uuid();
  batch.scan.scan_type = "scheduled";
  batch.scan.status = model::ScanStatus::completed;
  batch.scan.progress = 100;
  batch.scan.start_time = model::now();
  batch.scan.end_time = batch.scan.start_time;
  batch.findings.reserve(static_cast<std::size_t>(count));
  const auto first = static_cast<std::uint64_t>(index) * static_cast<std::uint64_t>(count);
  for (std::uint64_t n = first; n < first + static_cast<std::uint64_t>(count); ++n)
    batch.findings.push_back(make_finding(agent_identity, n));
  return batch;
}

std::vector<CopyStep> copy_steps(const model::Batch& batch, std::string_view company_id,
                                 std::string_view agent_id) {
  const std::string seen = model::format_timestamp(batch.scan.start_time);
  CopyStep unified{
      "COPY vulnerabilities_v2 (id, company_id, agent_id, scan_id, title, description,"
      " remediation, severity, category, status, risk_score, metadata, fingerprint,"
      " discovered_at, last_seen) FROM STDIN",
      {}};
  std::map<Category, std::string> by_category;
  for (const model::Finding& f : batch.findings) {
    const std::string id = model::new_uuid();
    std::string& data = unified.data;
    for (std::string_view text : {std::string_view(id), company_id, agent_id,
                                  std::string_view(batch.scan.id), std::string_view(f.title),
                                  std::string_view(f.description),
                                  std::string_view(f.remediation), to_string(f.severity),
                                  to_string(f.category), std::string_view("open")})
      put_text(data, text);
    put_json(data, f.risk_score);
    put_json(data, f.metadata);
    put_text(data, f.fingerprint);
    put_text(data, seen);
    put_text(data, seen);
    end_row(data);
    category_row(by_category[f.category], f, id, company_id, agent_id, batch.scan.id);
  }
  std::vector<CopyStep> steps = {std::move(unified)};
  for (auto& [category, data] : by_category)
    steps.push_back({"COPY " + std::string(model::spec(category).table) + " (" +
                         category_columns(category) + ") FROM STDIN",
                     std::move(data)});
  return steps;
}

}  // namespace zt::bench
