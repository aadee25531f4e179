#pragma once
// What the feed stores (feed_store.hpp) share: one upsert statement written from a table's
// description, and the rows of one import sent through it in batches. Internal to
// schema-client/pg.
//
// The statement reads a batch of rows from one jsonb parameter (jsonb_to_recordset, keys
// named as the columns), inserts the new keys and updates a stored row only when one of its
// columns differs (and `newer` holds), setting updated_at; it answers the counts of inserted,
// updated and withdrawn rows. Errors: DbError. Threads: the caller's connection.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema-client/pg/connection.hpp"
#include "schema-client/pg/feed_store.hpp"

namespace zt::pg {

struct FeedColumn {
  std::string_view name;  // the column, and the key of the row's JSON
  std::string_view type;  // as jsonb_to_recordset reads it: "text", "timestamptz", "text[]"…
};

struct FeedTable {
  std::string_view table;              // "public.kev_entries"
  std::vector<std::string_view> keys;  // the conflict target, among `columns`
  std::vector<FeedColumn> columns;     // stored as they come
  std::vector<FeedColumn> input_only = {};  // read from the rows for `then`, not stored
  // AND-ed to "a column differs" (t: the stored row, excluded: the new one); empty: none.
  std::string_view newer = {};
  // Over t, for RETURNING: which written rows count as withdrawn.
  std::string_view withdrawn = "false";
  // More data-modifying CTEs after `input` (the batch's rows) and `written` (keys, inserted).
  std::string_view then = {};
};

std::string upsert_statement(const FeedTable& table);

// A row as the statement reads it: a JSON object's text, with invalid UTF-8 and U+0000 (which
// jsonb refuses: one such string would fail the whole import) replaced by U+FFFD.
std::string row_text(const nlohmann::json& row);

// The rows of one import, the last of each key kept (one statement cannot upsert a key twice),
// each kept as its text: a large import holds its rows compactly.
class FeedRows {
 public:
  void add(std::string key, std::string row_text);
  std::size_t size() const { return rows_.size(); }
  // Runs `statement` (upsert_statement) over the rows, `batch_rows` at a time, in one
  // transaction, and adds up what it wrote.
  FeedWriteCounts upsert(Connection& connection, const std::string& statement,
                         std::size_t batch_rows = 2000) const;

 private:
  std::vector<std::string> rows_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace zt::pg
