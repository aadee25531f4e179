#pragma once
// MySQL/MariaDB option files (my.cnf and the files it includes). Pure; never throws.
//
// "[section]" headers; "key", "key=value" or "key = value" lines; '#' or ';' at the start
// of a line is a comment (and " #" ends an unquoted value); values may be quoted. Option
// names treat '-' and '_' alike (stored with '_', lower-case). "!include FILE" and
// "!includedir DIR" lines are returned apart; the reader follows them (config_reader.cpp).
#include <string>
#include <string_view>
#include <vector>

#include "collectors/database/settings.hpp"

namespace zt::database {

struct MyOption {
  std::string section;  // lower-case
  std::string name;     // lower-case, '-' → '_'
  std::string value;    // "" for a bare flag ("skip-grant-tables")
  bool has_value = false;
  std::size_t line = 0;
  bool operator==(const MyOption&) const = default;
};

struct MyInclude {
  std::string path;
  bool directory = false;  // !includedir
  std::size_t line = 0;
  bool operator==(const MyInclude&) const = default;
};

struct MyCnf {
  std::vector<MyOption> options;
  std::vector<MyInclude> includes;
  std::vector<ParseError> errors;
};

MyCnf parse_my_cnf(std::string_view text);

// Sections the server reads: [mysqld], [server], [mariadbd], [mariadb] and their versioned
// forms ([mysqld-8.0], [mariadb-10.11]).
bool is_server_section(std::string_view section);

}  // namespace zt::database
