#pragma once
// PostgreSQL's postgresql.conf and pg_hba.conf (PostgreSQL 12–16 syntax). Pure; never throws.
//
// postgresql.conf: "name = value" or "name value", '#' starts a comment outside quotes, a
// value may be single-quoted ('' is a quote inside). Names are case-insensitive (stored
// lower-case); the LAST occurrence wins. include / include_if_exists / include_dir lines are
// returned apart (the reader does not follow them: see config_reader.cpp).
//
// pg_hba.conf: one rule per line, "local DATABASE USER METHOD [OPTIONS]" or
// "host|hostssl|hostnossl|hostgssenc|hostnogssenc DATABASE USER ADDRESS [MASK] METHOD
// [OPTIONS]". Fields may be double-quoted; a line may continue with a trailing backslash.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/database/settings.hpp"

namespace zt::database {

struct ConfEntry {
  std::string name;   // lower-case
  std::string value;  // unquoted
  std::size_t line = 0;
  bool operator==(const ConfEntry&) const = default;
};

struct PgConf {
  std::vector<ConfEntry> entries;   // in file order
  std::vector<ConfEntry> includes;  // include, include_if_exists, include_dir
  std::vector<ParseError> errors;
  // The last value of `name`, if set.
  const ConfEntry* last(std::string_view name) const;
};

PgConf parse_postgresql_conf(std::string_view text);

struct HbaRule {
  std::size_t line = 0;
  std::string type;      // local, host, hostssl, …
  std::string database;  // as written: "all", "sameuser", "db1,db2"
  std::string user;
  std::string address;  // "" for local; "127.0.0.1/32", "all", "samenet", a host name;
                        // "10.0.0.0 255.0.0.0" when given with a separate mask
  std::string method;   // lower-case: trust, password, md5, scram-sha-256, peer, reject, …
  bool operator==(const HbaRule&) const = default;
};

struct PgHba {
  std::vector<HbaRule> rules;
  std::vector<ParseError> errors;
};

PgHba parse_pg_hba(std::string_view text);

// An address field that any client matches: "all", "0.0.0.0/0", "::/0", "0.0.0.0 0.0.0.0".
bool hba_address_is_open(const HbaRule& rule);

}  // namespace zt::database
