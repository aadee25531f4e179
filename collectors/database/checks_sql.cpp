// The PostgreSQL and MySQL/MariaDB rules of checks.hpp.
#include "collectors/database/checks.hpp"
#include "collectors/database/checks_common.hpp"
#include "collectors/database/finding_types.hpp"

namespace zt::database {
namespace {

using model::Severity;

Evidence hba_evidence(const HbaEntry& e) {
  std::string value = e.rule.type + " " + e.rule.database + " " + e.rule.user;
  if (!e.rule.address.empty()) value += " " + e.rule.address;
  return Evidence{e.file, e.rule.line, value + " " + e.rule.method};
}

std::string lines_text(const std::vector<Evidence>& evidence) {
  std::string out;
  for (const Evidence& e : evidence) {
    if (!out.empty()) out += ", ";
    out += where_text(e) + " (" + e.value + ")";
  }
  return out;
}

// Setting value with its default when unset.
Evidence setting_or(const EngineConfig& config, const std::string& key, std::string fallback) {
  if (const Evidence* e = config.get(key)) return *e;
  return Evidence{"default", 0, std::move(fallback)};
}

bool is_host_rule(const HbaRule& rule) { return rule.type != "local"; }

}  // namespace

std::vector<Issue> check_postgres(const Server& server) {
  std::vector<Issue> out;
  const EngineConfig& c = server.config;

  std::vector<Evidence> trust, cleartext, open_rules;
  bool open_trust = false;
  for (const HbaEntry& e : c.hba) {
    if (e.rule.method == "trust") {
      trust.push_back(hba_evidence(e));
      open_trust = open_trust || (is_host_rule(e.rule) && hba_address_is_open(e.rule));
    }
    if (e.rule.method == "password") cleartext.push_back(hba_evidence(e));
    if (is_host_rule(e.rule) && hba_address_is_open(e.rule) && e.rule.method != "reject")
      open_rules.push_back(hba_evidence(e));
  }
  if (!trust.empty()) {
    Issue issue = make_issue(
        server, finding_type::kPgHbaTrust, open_trust ? Severity::critical : Severity::high,
        "PostgreSQL lets clients in without a password (trust authentication)",
        "pg_hba.conf accepts connections with the `trust` method, which asks for no password: "
        "anyone who can reach the server can log in as any user, superusers included. "
        "Rules: " +
            lines_text(trust) + ".",
        "Replace `trust` with `scram-sha-256` (or `peer` for local socket connections) in "
        "pg_hba.conf, set passwords for the roles, and reload PostgreSQL "
        "(`SELECT pg_reload_conf();`).",
        trust);
    issue.database_name = "all";
    out.push_back(std::move(issue));
  }
  if (!cleartext.empty()) {
    out.push_back(make_issue(
        server, finding_type::kPgHbaCleartextPassword, Severity::medium,
        "PostgreSQL asks for passwords in clear text (password method)",
        "pg_hba.conf uses the `password` method, which sends the password unencrypted over "
        "the connection. Rules: " +
            lines_text(cleartext) + ".",
        "Use `scram-sha-256` instead of `password` in pg_hba.conf and reload PostgreSQL.",
        cleartext));
  }

  const Evidence listen = setting_or(c, "listen_addresses", "localhost");
  const Exposure exposed = exposure(server, names_all_interfaces(listen.value), listen);
  if (exposed.all && !open_rules.empty()) {
    std::vector<Evidence> evidence = exposed.evidence;
    evidence.insert(evidence.end(), open_rules.begin(), open_rules.end());
    out.push_back(make_issue(
        server, finding_type::kPgListenAllOpenHba, Severity::high,
        "PostgreSQL listens on every interface and accepts clients from any address",
        "listen_addresses (" + where_text(listen) + ": '" + listen.value +
            "') opens every interface, and pg_hba.conf admits any client address: " +
            lines_text(open_rules) + ".",
        "Set listen_addresses to the addresses clients use (or 'localhost'), and restrict "
        "the pg_hba.conf host rules to the client networks (e.g. 10.0.0.0/8) instead of "
        "0.0.0.0/0, ::/0 or all; restart PostgreSQL.",
        evidence));
  }

  const Evidence ssl = setting_or(c, "ssl", "off");
  if (parse_bool(ssl.value) != 1) {
    out.push_back(make_issue(
        server, finding_type::kPgSslOff, exposed.all ? Severity::medium : Severity::low,
        "PostgreSQL has TLS turned off",
        "ssl is '" + ssl.value + "' (" + where_text(ssl) +
            "): passwords and data cross the network unencrypted" +
            (exposed.all ? "." : "; it listens on loopback only, which limits the exposure."),
        "Set `ssl = on` with ssl_cert_file/ssl_key_file pointing at a certificate, use "
        "`hostssl` rules in pg_hba.conf, and reload PostgreSQL.",
        {ssl}));
  }

  const Evidence encryption = setting_or(c, "password_encryption", "scram-sha-256");
  if (lower(encryption.value) == "md5" || parse_bool(encryption.value) == 1) {
    out.push_back(make_issue(
        server, finding_type::kPgMd5PasswordEncryption, Severity::medium,
        "PostgreSQL stores new passwords as MD5 hashes",
        "password_encryption is '" + encryption.value + "' (" + where_text(encryption) +
            "): MD5 password hashes are weak and replayable against this server if stolen.",
        "Set `password_encryption = scram-sha-256`, reload, and reset the roles' passwords so "
        "they are stored as SCRAM verifiers; then use scram-sha-256 in pg_hba.conf.",
        {encryption}));
  }

  if (server.live_open) {
    Issue issue = make_issue(
        server, finding_type::kPgPasswordlessLogin, Severity::critical,
        "PostgreSQL let the postgres superuser in without a password",
        "a connection to " + server.host + ":" + std::to_string(server.port) +
            " as user postgres, database postgres, with no password, was accepted "
            "(AuthenticationOk).",
        "Require scram-sha-256 for every host rule in pg_hba.conf, give the postgres role a "
        "strong password (or none and `peer` local access only), and reload PostgreSQL.",
        {Evidence{"live check", 0, "AuthenticationOk for user postgres without a password"}});
    issue.database_name = "postgres";
    out.push_back(std::move(issue));
  }
  return out;
}

std::vector<Issue> check_mysql(const Server& server) {
  std::vector<Issue> out;
  const EngineConfig& c = server.config;

  const Evidence* networking_off = c.get("skip_networking");
  const bool networking = !networking_off || parse_bool(networking_off->value) == 0;
  const Evidence bind = setting_or(c, "bind_address", "* (bind-address not set)");
  const Exposure exposed = exposure(server, networking && names_all_interfaces(bind.value), bind);
  if (exposed.all) {
    out.push_back(make_issue(
        server, finding_type::kMysqlBindAll, Severity::medium,
        "MySQL/MariaDB listens on every interface",
        "bind-address is '" + bind.value + "' (" + where_text(bind) +
            "): the server accepts connections on every network interface.",
        "Set `bind-address = 127.0.0.1` in the [mysqld] section (Debian: "
        "/etc/mysql/mariadb.conf.d/50-server.cnf), or the addresses clients use, and restart "
        "the server; allow remote clients with the firewall only.",
        exposed.evidence));
  }
  if (const Evidence* skip = c.get("skip_grant_tables"); skip && parse_bool(skip->value) != 0) {
    out.push_back(make_issue(
        server, finding_type::kMysqlSkipGrantTables, Severity::critical,
        "MySQL/MariaDB runs with skip-grant-tables: no authentication at all",
        "skip-grant-tables is set (" + where_text(*skip) +
            "): the server ignores its privilege tables, so anyone who can connect gets in as "
            "any user with every privilege.",
        "Remove skip-grant-tables from the option files and the command line and restart the "
        "server; if it was set to reset a password, do that with ALTER USER and restart.",
        {*skip}));
  }
  if (const Evidence* infile = c.get("local_infile"); infile && parse_bool(infile->value) == 1) {
    out.push_back(make_issue(
        server, finding_type::kMysqlLocalInfile, Severity::medium,
        "MySQL/MariaDB allows LOAD DATA LOCAL INFILE",
        "local_infile is '" + infile->value + "' (" + where_text(*infile) +
            "): a malicious or compromised server or SQL injection can read files from "
            "client machines.",
        "Set `local_infile = 0` in the [mysqld] section and restart the server.", {*infile}));
  }
  return out;
}

}  // namespace zt::database
