#pragma once
// Juniper Junos configuration text, in the braces form (`show configuration`) or the `set`
// form (`show configuration | display set`), into the typed model of junos_model.hpp. Both
// forms are first read into statements, a path of words and its line (`system services
// telnet`, line 12), so the same configuration gives the same model in either form, line
// numbers aside. Quoted strings are one word; `#` and `/* … */` comments, `inactive:` (braces)
// and `deactivate` lines are skipped (a deactivated setting is not in force). Nothing in the
// text makes it fail: a cut file is read as far as it goes (`balanced` says whether every
// block was closed). Pure: no I/O, no throw, linear in the text's size.
#include <string>
#include <string_view>
#include <vector>

#include "collectors/netconfig/junos_model.hpp"

namespace zt::netconfig {

struct JunosStatement {
  std::vector<std::string> words;  // unquoted
  std::vector<LineNo> lines;       // each word's line (braces: a block's words are on its line)
};

struct JunosStatements {
  std::vector<JunosStatement> statements;
  std::size_t line_count = 0;
  bool set_form = false;
  bool balanced = true;
};

JunosStatements read_junos_statements(std::string_view text);
JunosConfig parse_junos(std::string_view text);

}  // namespace zt::netconfig
