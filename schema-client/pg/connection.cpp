#include "schema-client/pg/connection.hpp"

#include <charconv>
#include <cmath>

namespace zt::pg {
namespace {

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown,
// crash recovery, cannot connect now) mean "try again later", not "your statement is wrong".
bool is_unavailable_state(std::string_view state) {
  return state.starts_with("08") || state.starts_with("57P");
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// libpq's view of `params`: NULL for SQL NULL.
std::vector<const char*> c_strings(const std::vector<Param>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& p : params) values.push_back(p ? p->c_str() : nullptr);
  return values;
}

}  // namespace

Param param(std::string_view text) { return std::string(text); }
Param param(const char* text) { return std::string(text); }
Param param(const std::string& text) { return text; }
Param param(std::int64_t number) { return std::to_string(number); }
Param param(int number) { return std::to_string(number); }
Param param(double number) {
  if (!std::isfinite(number)) return std::nullopt;
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
  return std::string(buffer, end);
}
Param param(bool flag) { return std::string(flag ? "true" : "false"); }
std::string text_array(const std::vector<std::string>& texts) {
  std::string out = "{";
  for (const std::string& t : texts) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (const char c : t) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

Param param(const nlohmann::json& document) {
  return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string_view Rows::text(int row, int column) const {
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

std::optional<std::string> Rows::optional_text(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return std::string(text(row, column));
}

std::int64_t Rows::integer(int row, int column) const {
  std::int64_t value = 0;
  const std::string_view digits = text(row, column);
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

std::int64_t Rows::affected() const {
  const std::string_view count = PQcmdTuples(result_.get());
  std::int64_t value = 0;
  std::from_chars(count.data(), count.data() + count.size(), value);
  return value;
}

Connection::Connection(const std::string& conninfo)
    : conninfo_(conninfo), conn_(PQconnectdb(conninfo.c_str())) {
  if (!conn_) throw DbError("cannot connect to the database: out of memory", "", true);
  if (PQstatus(conn_.get()) != CONNECTION_OK)
    throw DbError("cannot connect to the database: " + trimmed(PQerrorMessage(conn_.get())), "",
                  true);
  // Notices ("relation … already exists, skipping") are not errors; libpq would print them.
  PQsetNoticeProcessor(conn_.get(), [](void*, const char*) {}, nullptr);
}

Rows Connection::checked(PGresult* raw, std::string_view what) {
  Rows rows(raw);
  const ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return rows;
  std::string state;
  if (raw) {
    if (const char* s = PQresultErrorField(raw, PG_DIAG_SQLSTATE)) state = s;
  }
  const bool unavailable = PQstatus(conn_.get()) != CONNECTION_OK || is_unavailable_state(state);
  std::string message = trimmed(raw ? PQresultErrorMessage(raw) : PQerrorMessage(conn_.get()));
  if (message.empty()) message = trimmed(PQerrorMessage(conn_.get()));
  throw DbError(std::string(what) + ": " + message, state, unavailable);
}

Rows Connection::exec(std::string_view sql, const std::vector<Param>& params) {
  const std::vector<const char*> values = c_strings(params);
  const std::string statement(sql);
  return checked(PQexecParams(conn_.get(), statement.c_str(), static_cast<int>(values.size()),
                              nullptr, values.data(), nullptr, nullptr, 0),
                 "database statement failed");
}

Rows Connection::exec_prepared(std::string_view sql, const std::vector<Param>& params) {
  const std::vector<const char*> values = c_strings(params);
  const int count = static_cast<int>(values.size());
  auto found = prepared_.find(sql);
  if (found == prepared_.end()) {
    std::string name = "zt";
    name += std::to_string(++statements_named_);
    std::string statement(sql);
    // A statement PostgreSQL cannot parse fails here as it would have failed to run.
    checked(PQprepare(conn_.get(), name.c_str(), statement.c_str(), count, nullptr),
            "database statement failed");
    found = prepared_.emplace(std::move(statement), std::move(name)).first;
  }
  try {
    return checked(PQexecPrepared(conn_.get(), found->second.c_str(), count, values.data(),
                                  nullptr, nullptr, 0),
                   "database statement failed");
  } catch (const DbError& e) {
    // The schema changed its result under it (a migration while the ingest runs: "cached
    // plan must not change result type"), or the session lost it: this run fails as
    // "try again later", and the next one prepares it again under a new name.
    if (e.sqlstate() != "0A000" && e.sqlstate() != "26000") throw;
    prepared_.erase(found);
    throw DbError(e.what(), e.sqlstate(), true);
  }
}

void Connection::exec_script(std::string_view sql) {
  const std::string script(sql);
  checked(PQexec(conn_.get(), script.c_str()), "database script failed");
}

bool Connection::healthy() const { return PQstatus(conn_.get()) == CONNECTION_OK; }

Transaction::Transaction(Connection& connection) : connection_(connection) {
  connection_.exec_prepared("BEGIN");
}

Transaction::~Transaction() {
  if (done_ || !connection_.healthy()) return;
  try {
    connection_.exec("ROLLBACK");
  } catch (const DbError&) {
    // The connection is gone or broken; the server rolls back on its own.
  }
}

void Transaction::set_company(std::string_view company_id) {
  connection_.exec_prepared("SELECT set_company_context($1::uuid)", {param(company_id)});
}

void Transaction::commit() {
  connection_.exec_prepared("COMMIT");
  done_ = true;
}

}  // namespace zt::pg
