#include "tests/support/postgres_cluster.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

#include "schema-client/pg/connection.hpp"
#include "schema-client/pg/migrations.hpp"
#include "tests/support/loopback.hpp"
#include "tests/support/process.hpp"

namespace zt::test {
namespace {

constexpr std::string_view kTemplate = "zt_template";

std::filesystem::path server_bin_dir() {
  std::filesystem::path best;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
    const auto bin = entry.path() / "bin";
    if (std::filesystem::exists(bin / "postgres") && bin > best) best = bin;
  }
  if (best.empty())
    throw std::runtime_error(
        "no PostgreSQL server under /usr/lib/postgresql (scripts/setup.sh installs it)");
  return best;
}

bool running_as_root() { return ::geteuid() == 0; }

}  // namespace

PostgresCluster::PostgresCluster() : PostgresCluster(PostgresOptions{}) {}

PostgresCluster::PostgresCluster(const PostgresOptions& options)
    : bin_(server_bin_dir()) {
  std::string pattern = (std::filesystem::temp_directory_path() / "zt-pg-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  if (running_as_root()) {
    const passwd* user = ::getpwnam("postgres");
    if (user == nullptr) throw std::runtime_error("no postgres user (install postgresql)");
    if (::chown(dir_.c_str(), user->pw_uid, user->pw_gid) != 0)
      throw std::runtime_error("cannot chown " + dir_.string());
  }
  run_as_server_user({(bin_ / "initdb").string(), "-D", (dir_ / "data").string(), "-A", "trust",
                      "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"});
  apply(options);
  port_ = start_on_free_port([&](unsigned short port) {
    port_ = port;
    try {
      start();
      return true;
    } catch (const std::runtime_error&) {
      std::ifstream log(dir_ / "server.log");
      const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
      if (text.find("Address already in use") == std::string::npos) throw;
      return false;  // another process took the port first
    }
  });
}

void PostgresCluster::write_server_file(const std::string& name, const std::string& text,
                                        bool append) const {
  const std::filesystem::path path = dir_ / "data" / name;
  {
    std::ofstream out(path, append ? std::ios::app : std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
  }
  if (running_as_root()) {
    const passwd* user = ::getpwnam("postgres");
    if (user == nullptr || ::chown(path.c_str(), user->pw_uid, user->pw_gid) != 0)
      throw std::runtime_error("cannot chown " + path.string());
  }
}

void PostgresCluster::apply(const PostgresOptions& options) const {
  std::string lines;
  for (const std::string& line : options.conf_lines) lines += line + "\n";
  if (!lines.empty()) write_server_file("postgresql.conf", lines, true);
  if (!options.hba.empty()) write_server_file("pg_hba.conf", options.hba, false);
  if (options.self_signed_tls) {
    const std::string key = (dir_ / "data" / "server.key").string();
    run_as_server_user({"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out",
                        (dir_ / "data" / "server.crt").string(), "-days", "1", "-subj",
                        "/CN=localhost"});
    run_as_server_user({"/bin/chmod", "600", key});  // PostgreSQL refuses a readable key
  }
}

PostgresCluster::~PostgresCluster() {
  try {
    stop();
  } catch (const std::exception&) {
    // Nothing more to do in a destructor; the directory goes anyway.
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

void PostgresCluster::run_as_server_user(const std::vector<std::string>& argv) const {
  std::vector<std::string> command;
  if (running_as_root()) command = {"/usr/sbin/runuser", "-u", "postgres", "--"};
  command.insert(command.end(), argv.begin(), argv.end());
  const Completed done = run_process(command);
  if (done.exit_code != 0)
    throw std::runtime_error(argv.front() + " failed (" + std::to_string(done.exit_code) +
                             "): " + done.out + done.err);
}

void PostgresCluster::start() {
  const std::string options = "-p " + std::to_string(port_) + " -k " + dir_.string() +
                              " -c listen_addresses=127.0.0.1 -c fsync=off"
                              " -c synchronous_commit=off -c full_page_writes=off"
                              " -c max_connections=200";
  run_as_server_user({(bin_ / "pg_ctl").string(), "-D", (dir_ / "data").string(), "-l",
                      (dir_ / "server.log").string(), "-o", options, "-w", "-t", "60",
                      "start"});
}

void PostgresCluster::stop() {
  if (!std::filesystem::exists(dir_ / "data" / "postmaster.pid")) return;
  run_as_server_user(
      {(bin_ / "pg_ctl").string(), "-D", (dir_ / "data").string(), "-m", "fast", "-w", "stop"});
}

std::string PostgresCluster::conninfo(std::string_view database, std::string_view user) const {
  return "host=" + dir_.string() + " port=" + std::to_string(port_) + " dbname=" +
         std::string(database) + " user=" + std::string(user);
}

std::string PostgresCluster::url(std::string_view database, std::string_view user) const {
  return "postgresql://" + std::string(user) + "@127.0.0.1:" + std::to_string(port_) + "/" +
         std::string(database);
}

void PostgresCluster::superuser_sql(std::string_view database, std::string_view sql) const {
  pg::Connection connection(conninfo(database));
  connection.exec_script(sql);
}

std::string PostgresCluster::create_empty_database() {
  const std::string name = "zt_" + std::to_string(++databases_);
  superuser_sql("postgres", "CREATE DATABASE " + name);
  return name;
}

std::string PostgresCluster::create_database() {
  if (!template_ready_) {
    superuser_sql("postgres", "CREATE DATABASE " + std::string(kTemplate));
    pg::Connection connection(conninfo(kTemplate));
    auto migrated = pg::migrate(connection, pg::embedded_migrations());
    if (!migrated) throw std::runtime_error(migrated.error().message);
    connection.exec_script("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" +
                           std::string(kIngestRole) + "') THEN CREATE ROLE " +
                           std::string(kIngestRole) +
                           " LOGIN IN ROLE zerotrace_ingest; END IF; END $$");
    template_ready_ = true;
  }
  const std::string name = "zt_" + std::to_string(++databases_);
  superuser_sql("postgres",
                "CREATE DATABASE " + name + " TEMPLATE " + std::string(kTemplate));
  return name;
}

PostgresCluster& shared_cluster() {
  static PostgresCluster cluster;
  return cluster;
}

}  // namespace zt::test
