#include "schema-client/pg/feed_store_upsert.hpp"

#include <algorithm>

namespace zt::pg {
namespace {

std::string quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

// "prefix"a", "prefix"b"…, for every column `keep` lets through.
template <typename Keep>
std::string listed(const std::vector<FeedColumn>& columns, std::string_view prefix, Keep keep) {
  std::string out;
  for (const FeedColumn& c : columns) {
    if (!keep(c)) continue;
    if (!out.empty()) out += ", ";
    out += std::string(prefix) + quoted(c.name);
  }
  return out;
}

}  // namespace

std::string upsert_statement(const FeedTable& table) {
  const auto all = [](const FeedColumn&) { return true; };
  const auto not_key = [&](const FeedColumn& c) {
    return std::find(table.keys.begin(), table.keys.end(), c.name) == table.keys.end();
  };
  std::string definition;
  for (const auto* list : {&table.columns, &table.input_only})
    for (const FeedColumn& c : *list)
      definition += (definition.empty() ? "" : ", ") + quoted(c.name) + " " + std::string(c.type);
  std::string keys, same_key, assignments;
  for (std::string_view key : table.keys) {
    keys += (keys.empty() ? "" : ", ") + quoted(key);
    same_key += "t." + quoted(key) + " = excluded." + quoted(key) + " AND ";
  }
  for (const FeedColumn& c : table.columns)
    if (not_key(c)) assignments += quoted(c.name) + " = excluded." + quoted(c.name) + ", ";
  const std::string changed = "(" + listed(table.columns, "t.", not_key) +
                              ") IS DISTINCT FROM (" + listed(table.columns, "excluded.", not_key) +
                              ")";
  const std::string newer = table.newer.empty() ? "true" : "(" + std::string(table.newer) + ")";

  // Rows that would not be written are left out before the INSERT: ON CONFLICT would lock
  // them (a write to their pages) even when its WHERE then keeps them as they are. The WHERE
  // still decides for rows that change between the two.
  std::string sql =
      "WITH input AS MATERIALIZED (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(" +
      definition + ")), written AS (INSERT INTO " + std::string(table.table) + " AS t (" +
      listed(table.columns, "", all) + ") SELECT " + listed(table.columns, "excluded.", all) +
      " FROM input AS excluded WHERE NOT EXISTS (SELECT FROM " + std::string(table.table) +
      " AS t WHERE " + same_key + "(NOT " + changed + " OR " + newer +
      " IS NOT TRUE)) ON CONFLICT (" + keys + ") DO UPDATE SET " + assignments +
      "updated_at = now() WHERE " + changed + " AND " + newer;
  sql += " RETURNING " + listed(table.columns, "t.", [&](const FeedColumn& c) {
           return !not_key(c);
         }) + ", (t.xmax = 0) AS inserted, (" + std::string(table.withdrawn) + ") AS withdrawn)";
  if (!table.then.empty()) sql += ", " + std::string(table.then);
  sql += " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted),"
         " count(*) FILTER (WHERE withdrawn) FROM written";
  return sql;
}

std::string row_text(const nlohmann::json& row) {
  std::string text = row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  constexpr std::string_view kNul = "\\u0000", kReplacement = "\\ufffd";
  // Escapes only: in the JSON text \\u0000 the backslash is escaped and u0000 is plain text.
  for (std::size_t at = text.find('\\'); at != std::string::npos; at = text.find('\\', at + 2))
    if (text.compare(at, kNul.size(), kNul) == 0) text.replace(at, kNul.size(), kReplacement);
  return text;
}

void FeedRows::add(std::string key, std::string row_text) {
  const auto [at, added] = index_.try_emplace(std::move(key), rows_.size());
  if (added) rows_.push_back(std::move(row_text));
  else rows_[at->second] = std::move(row_text);
}

FeedWriteCounts FeedRows::upsert(Connection& connection, const std::string& statement,
                                 std::size_t batch_rows) const {
  FeedWriteCounts counts;
  Transaction tx(connection);
  for (std::size_t first = 0; first < rows_.size(); first += batch_rows) {
    const std::size_t last = std::min(rows_.size(), first + batch_rows);
    std::string batch = "[";
    for (std::size_t i = first; i < last; ++i) (batch += rows_[i]) += i + 1 < last ? "," : "]";
    const Rows written = tx.exec(statement, {param(batch)});
    counts.inserted += written.integer(0, 0);
    counts.updated += written.integer(0, 1);
    counts.withdrawn += written.integer(0, 2);
  }
  tx.commit();
  counts.unchanged = static_cast<std::int64_t>(rows_.size()) - counts.inserted - counts.updated;
  return counts;
}

}  // namespace zt::pg
