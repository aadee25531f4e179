// The model's column limits (schema-client/model/columns.hpp) against the live schema, and the
// property they exist for: every batch the strict reader accepts is written once
// fit_to_columns has run, whatever its values; no database error.
#include <catch2/catch.hpp>

#include <cstdio>
#include <limits>
#include <random>
#include <string>

#include "schema-client/model/columns.hpp"
#include "schema-client/model/uuid.hpp"
#include "schema-client/model/wire_format.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/category_tables.hpp"
#include "tests/schema-client/pg/tenant_fixture.hpp"
#include "tests/schema-client/sample_batch.hpp"
#include "tests/support/fuzz.hpp"

using nlohmann::json;
using zt::testing::TenantDatabase;

namespace {

// The table a value is stored in: the config category's file fields live in config_files.
std::string table_of(const zt::model::StoredColumn& c) {
  return c.table == "config_findings" && zt::pg::is_config_file_field(c.column)
             ? "config_files"
             : std::string(c.table);
}

// A random value of `type`: right most of the time, across and around the limits.
class Values {
 public:
  explicit Values(std::uint64_t seed) : rng_(seed) {}

  std::size_t pick(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }

  std::string text() {
    static const std::size_t kLengths[] = {0, 1, 20, 50, 64, 65, 100, 101, 500, 501, 1024, 1025,
                                           5000, 70000};
    return text(kLengths[pick(std::size(kLengths))]);
  }

  std::string short_text() { return text(pick(9)); }

  // `length` characters (or NULs), some of several bytes.
  std::string text(std::size_t length) {
    static const char* const kPieces[] = {"a", "Z", " ", "\xC3\xA9", "\xE2\x82\xAC",
                                          "\xF0\x9F\x94\x91", "\"", "\\", "'", "{", "%"};
    std::string out;
    for (std::size_t i = 0; i < length; ++i) {
      const std::size_t piece = pick(std::size(kPieces) + 1);
      if (piece == std::size(kPieces)) out += '\0';  // U+0000: a C string cannot hold it
      else out += kPieces[piece];
    }
    return out;
  }

  json integer() {
    switch (pick(4)) {
      case 0: return static_cast<std::int64_t>(pick(65536));
      case 1: return -static_cast<std::int64_t>(pick(1u << 31));
      case 2: return static_cast<std::uint64_t>(rng_());
      default: return static_cast<std::int64_t>(rng_() >> pick(64));
    }
  }

  std::string date() {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04zu-%02zu-%02zu", pick(3) == 0 ? 0 : pick(10000),
                  1 + pick(12), 1 + pick(28));
    return buffer;
  }

  // Up to `depth` levels: a few branches near the top, then one child per level.
  json any_json(int depth, int level = 0) {
    if (depth > 0 && pick(4) != 0) {
      json container = pick(2) == 0 ? json::array() : json::object();
      for (std::size_t i = 0, n = level < 2 ? 1 + pick(3) : 1; i < n; ++i) {
        if (container.is_array()) container.push_back(any_json(depth - 1, level + 1));
        else container[short_text()] = any_json(depth - 1, level + 1);
      }
      return container;
    }
    switch (pick(5)) {
      case 0: return level < 2 ? text() : short_text();
      case 1: return integer();
      case 2: return static_cast<double>(rng_()) / 7.0;
      case 3: return pick(2) == 0;
      default: return nullptr;
    }
  }

  json of(zt::model::FieldType type) {
    using zt::model::FieldType;
    switch (type) {
      case FieldType::text: return text();
      case FieldType::integer: return integer();
      case FieldType::number: return static_cast<double>(pick(1000)) / 10;
      case FieldType::boolean: return pick(2) == 0;
      case FieldType::timestamp: return date() + "T12:00:00Z";
      case FieldType::date: return date();
      case FieldType::json: return any_json(static_cast<int>(pick(40)));
    }
    return nullptr;
  }

 private:
  std::mt19937_64 rng_;
};

// The sample scan with one to four values replaced by random ones.
zt::model::Batch random_batch(const std::string& agent_id, Values& values) {
  zt::model::Batch batch = zt::testing::completed_scan(agent_id, 10);
  for (std::size_t edits = 1 + values.pick(4); edits > 0; --edits) {
    zt::model::Finding& f = batch.findings[values.pick(batch.findings.size())];
    const auto& fields = zt::model::spec(f.category).fields;
    const auto& field = fields[values.pick(fields.size())];
    zt::model::Dependency& d = batch.dependencies[values.pick(batch.dependencies.size())];
    switch (values.pick(11)) {
      case 0: case 1: case 2: f.fields[std::string(field.name)] = values.of(field.type); break;
      case 3: f.title = "t" + values.text(); break;
      case 4: f.description = values.text(); break;
      case 5: f.metadata["evidence"] = values.any_json(static_cast<int>(values.pick(40))); break;
      case 6: f.metadata["cvss_score"] = values.of(zt::model::FieldType::number); break;
      case 7: batch.agent.hostname = values.text(); break;
      case 8: batch.scan.metadata["x"] = values.any_json(static_cast<int>(values.pick(40))); break;
      case 9: {
        std::string* const sources[] = {&d.source_name, &d.source_version, &d.arch, &d.ecosystem};
        *sources[values.pick(std::size(sources))] = values.text();
        break;
      }
      default: d.name = "n" + values.text();
    }
  }
  return batch;
}

}  // namespace

TEST_CASE("The model's column limits are those of the live schema", "[integration]") {
  TenantDatabase db;
  for (const zt::model::StoredColumn& c : zt::model::stored_columns()) {
    const std::string table = table_of(c), column(c.column);
    INFO(table << "." << column);
    const auto rows = db.owner().exec(
        "SELECT data_type, coalesce(character_maximum_length, 0) FROM information_schema.columns"
        " WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2",
        {zt::pg::param(table), zt::pg::param(column)});
    REQUIRE(rows.size() == 1);
    const std::string type(rows.text(0, 0));
    if (type == "character varying") {
      CHECK(c.field->type == zt::model::FieldType::text);
      CHECK(c.field->max_chars == rows.integer(0, 1));
      CHECK_FALSE(c.field->cut);
    } else if (type == "text" && c.field->max_chars != 0 && !c.field->cut) {
      // A cap on a text column that is refused, not cut: the column is in a b-tree index.
      CHECK(db.count("SELECT count(*) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
                     " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(i.indkey)"
                     " JOIN pg_class ix ON ix.oid = i.indexrelid JOIN pg_am am"
                     " ON am.oid = ix.relam WHERE am.amname = 'btree' AND t.relname = '" +
                     table + "' AND a.attname = '" + column + "'") > 0);
    } else if (type == "integer") {
      CHECK(c.field->type == zt::model::FieldType::integer);
      CHECK(c.field->min >= std::numeric_limits<std::int32_t>::min());
      CHECK(c.field->max <= std::numeric_limits<std::int32_t>::max());
    } else if (type != "text") {
      CHECK(c.field->max_chars == 0);
    }
  }
  // The ports' CHECK is the range the model refuses outside of.
  CHECK(db.count("SELECT count(*) FROM pg_constraint WHERE conrelid = 'database_findings'::regclass"
                 " AND pg_get_constraintdef(oid) LIKE '%port >= 0%port <= 65535%'") == 1);
}

TEST_CASE("Every batch the reader accepts is written once fitted, whatever its values",
          "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Fuzzed");
  const std::uint64_t seed = zt::test::fuzz_seed();
  Values values(seed);
  int accepted = 0, refused = 0;
  for (int round = 0; round < 60; ++round) {
    const zt::model::Batch generated = random_batch(agent.agent_id, values);
    auto read = zt::model::parse_batch(zt::model::serialize(generated));
    if (!read) {
      ++refused;
      continue;
    }
    zt::model::fit_to_columns(*read);
    CHECK(zt::model::column_problems(*read).empty());
    INFO("ZT_FUZZ_SEED=" << seed << ", round " << round);
    try {
      REQUIRE(zt::pg::write_batch(db.ingest(), agent, *read).ok());
      ++accepted;
    } catch (const zt::pg::DbError& e) {
      FAIL("SQLSTATE " << e.sqlstate() << ": " << e.what());
    }
  }
  WARN("ZT_FUZZ_SEED=" << seed << ": " << accepted << " written, " << refused << " refused");
  // Both ways are taken (about one batch in six is refused); the counts only show the
  // generator still reaches both.
  CHECK(accepted >= 15);
  CHECK(refused >= 5);
}

TEST_CASE("Two tenants, or two agents, with the same batch_id each get their batch written",
          "[integration]") {
  TenantDatabase db;
  const auto a = db.add_agent("Company A");
  const auto b = db.add_agent("Company B");
  const auto a2 = db.add_agent_to(a.company_id);
  zt::model::Batch of_a = zt::testing::completed_scan(a.agent_id, 10);
  REQUIRE(zt::pg::write_batch(db.ingest(), a, of_a).ok());

  for (const auto* other : {&b, &a2}) {
    zt::model::Batch same_id = zt::testing::completed_scan(other->agent_id, 10);
    same_id.batch_id = of_a.batch_id;
    auto written = zt::pg::write_batch(db.ingest(), *other, same_id);
    REQUIRE(written.ok());
    CHECK_FALSE(written->duplicate);
    CHECK(written->findings == static_cast<std::int64_t>(same_id.findings.size()));
  }
  CHECK(db.count("SELECT count(*) FROM ingested_batches WHERE batch_id = '" + of_a.batch_id +
                 "'") == 3);
  // Its own agent sending it again is still a duplicate.
  auto again = zt::pg::write_batch(db.ingest(), a, of_a);
  REQUIRE(again.ok());
  CHECK(again->duplicate);
}
