#pragma once
// A thin RAII layer over libpq: one connection, parameterised statements, transactions.
//
// Errors: a failed statement or connection throws DbError (inside the PostgreSQL side only;
// the store and the writer turn it into values at their boundary). DbError says whether the
// database is unreachable (connection lost, server shutting down: retry later) or refused the
// statement, and carries the SQLSTATE. Messages never contain the connection string, which
// may hold a password. A Connection is used by one thread at a time.
#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace zt::pg {

class DbError : public std::runtime_error {
 public:
  DbError(std::string message, std::string sqlstate, bool unavailable)
      : std::runtime_error(std::move(message)),
        sqlstate_(std::move(sqlstate)),
        unavailable_(unavailable) {}
  const std::string& sqlstate() const { return sqlstate_; }
  // The server could not be reached or went away, or a prepared statement must be prepared
  // again (exec_prepared): the same request may succeed later.
  bool unavailable() const { return unavailable_; }

 private:
  std::string sqlstate_;
  bool unavailable_;
};

// A statement parameter in text form; nullopt is SQL NULL.
using Param = std::optional<std::string>;
Param param(std::string_view text);
Param param(const char* text);
Param param(const std::string& text);
Param param(std::int64_t number);
Param param(int number);
Param param(double number);
Param param(bool flag);
Param param(const nlohmann::json& document);  // as JSON text, for ::jsonb
// A PostgreSQL array literal of `texts`, for ::text[].
std::string text_array(const std::vector<std::string>& texts);
template <typename T>
Param param(const std::optional<T>& value) {
  return value ? param(*value) : std::nullopt;
}

// The rows a statement returned.
class Rows {
 public:
  explicit Rows(PGresult* result) : result_(result, &PQclear) {}
  int size() const { return PQntuples(result_.get()); }
  int columns() const { return PQnfields(result_.get()); }
  bool empty() const { return size() == 0; }
  bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  std::string_view text(int row, int column) const;
  std::optional<std::string> optional_text(int row, int column) const;
  std::int64_t integer(int row, int column) const;
  bool boolean(int row, int column) const { return text(row, column) == "t"; }
  // Rows affected by an INSERT/UPDATE/DELETE.
  std::int64_t affected() const;

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_;
};

class Connection {
 public:
  // Throws DbError (unavailable) when the server cannot be reached or refuses the login.
  explicit Connection(const std::string& conninfo);
  Connection(Connection&&) noexcept = default;
  Connection& operator=(Connection&&) noexcept = default;

  Rows exec(std::string_view sql, const std::vector<Param>& params = {});
  // The same, for a statement run on every request whose best plan does not depend on its
  // values (a lookup by key): prepared once per session, and after five runs PostgreSQL may
  // keep one generic plan for it. Planning under row-level security is most of such a
  // statement's cost. Not for a statement whose plan should follow its values (which
  // company, how large an array): a generic plan can be far worse there. `sql` must be a
  // constant text, never built from data: each text stays prepared for the session.
  Rows exec_prepared(std::string_view sql, const std::vector<Param>& params = {});
  // Several statements in one string, no parameters (migrations).
  void exec_script(std::string_view sql);
  // The session is still usable (false after the server went away).
  bool healthy() const;
  // One more session with the same parameters (a parallel worker's); throws as the constructor.
  Connection another() const { return Connection(conninfo_); }

 private:
  Rows checked(PGresult* result, std::string_view what);
  struct Hash : std::hash<std::string_view> {
    using is_transparent = void;
  };
  // The statements of exec_prepared, by text: their names in this session.
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> prepared_;
  std::uint64_t statements_named_ = 0;
  struct Close {
    void operator()(PGconn* conn) const { PQfinish(conn); }
  };
  std::string conninfo_;
  std::unique_ptr<PGconn, Close> conn_;
};

// BEGIN on construction; ROLLBACK on destruction unless commit() ran.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Rows exec(std::string_view sql, const std::vector<Param>& params = {}) {
    return connection_.exec(sql, params);
  }
  Rows exec_prepared(std::string_view sql, const std::vector<Param>& params = {}) {
    return connection_.exec_prepared(sql, params);
  }
  // Row-level security context for this transaction only (see schema-client/SCHEMA.md).
  void set_company(std::string_view company_id);
  void commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

}  // namespace zt::pg
