#pragma once
// A real, throwaway PostgreSQL server for integration tests: Debian's server binaries,
// initdb into a temporary directory, listening on a free loopback port and on a socket in
// that directory, stopped and deleted when the object goes. As root (CI) the server runs as
// the `postgres` user, since PostgreSQL refuses to run as root. Settings favour speed over
// durability (fsync off): test data only.
//
// Each test gets its own database: create_database() copies a template migrated once per
// process, so a test starts from the current schema in a few milliseconds' worth of copying.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace zt::test {

// How a cluster differs from the default one (trust everywhere, TLS off): for tests that
// look at the server's own security settings (the database collector's).
struct PostgresOptions {
  // Appended to postgresql.conf after initdb ("ssl = on", "password_encryption = md5").
  std::vector<std::string> conf_lines;
  // Replaces pg_hba.conf when not empty.
  std::string hba;
  // A self-signed server.crt/server.key (made with `openssl req`) in the data directory.
  bool self_signed_tls = false;
};

class PostgresCluster {
 public:
  PostgresCluster();
  explicit PostgresCluster(const PostgresOptions& options);
  ~PostgresCluster();
  PostgresCluster(const PostgresCluster&) = delete;
  PostgresCluster& operator=(const PostgresCluster&) = delete;

  void stop();   // fast shutdown; connections are cut
  void start();  // on the same port and data

  unsigned short port() const { return port_; }
  std::filesystem::path data_dir() const { return dir_ / "data"; }
  // libpq key/value connection string for `database` as `user` (no password: trust auth).
  std::string conninfo(std::string_view database, std::string_view user = "postgres") const;
  // The same as a postgresql:// URL.
  std::string url(std::string_view database, std::string_view user = "postgres") const;

  // A new empty database named `zt_<n>`.
  std::string create_empty_database();
  // A new database at the current schema, from a template migrated on first use. The
  // login role `ingest_app` (member of zerotrace_ingest, not a superuser, owns nothing)
  // exists from then on.
  std::string create_database();

  static constexpr std::string_view kIngestRole = "ingest_app";

 private:
  void run_as_server_user(const std::vector<std::string>& argv) const;
  void apply(const PostgresOptions& options) const;
  void write_server_file(const std::string& name, const std::string& text, bool append) const;
  void superuser_sql(std::string_view database, std::string_view sql) const;

  std::filesystem::path dir_;
  std::filesystem::path bin_;
  unsigned short port_ = 0;
  int databases_ = 0;
  bool template_ready_ = false;
};

// One cluster per test process, started on first use and stopped at exit.
PostgresCluster& shared_cluster();

}  // namespace zt::test
