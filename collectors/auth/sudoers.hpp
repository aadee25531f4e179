#pragma once
// Parses one sudoers(5) file. Pure; never throws. What it keeps is what the auth checks need:
// include directives, Defaults entries, Cmnd_Alias definitions and user specifications with
// their commands and NOPASSWD state.
//
// Syntax handled: backslash line continuations; '#' comments (but "#include",
// "#includedir" and "#1000"-style UIDs are not comments); "@include"/"@includedir";
// "Defaults", "Defaults:users", "Defaults@hosts", "Defaults>runas", "Defaults!cmnds";
// "Cmnd_Alias NAME = cmnd, … : NAME2 = …" (User_, Host_ and Runas_Alias are recognised and
// skipped); user specs "users hosts = (runas) OPTION=v TAGS: cmnd, … : hosts = …", where
// tags carry over to the following commands of the spec until the opposite tag. Aliases are
// not expanded here (see grants_nopasswd_all). Lines that fit none of these are counted.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace zt::auth {

struct SudoInclude {
  std::string path;  // as written (relative paths are relative to the including file's folder)
  bool directory = false;
  std::size_t line = 0;
};

struct SudoDefaults {
  char binding_type = '\0';           // '\0' (global), ':', '@', '>' or '!'
  std::vector<std::string> bindings;  // "alice", "%admin", … (empty for a global Defaults)
  std::vector<std::string> params;    // "env_reset", "!authenticate", "secure_path=…"
  bool no_authenticate = false;       // a "!authenticate" among params
  std::size_t line = 0;
};

struct SudoCommand {
  std::string command;  // "ALL", "/usr/bin/apt", "!/bin/sh", an alias name
  bool nopasswd = false;
};

struct SudoRule {
  std::vector<std::string> users;  // "alice", "%sudo", "ALL", a User_Alias
  std::vector<SudoCommand> commands;
  std::string text;  // the logical line, whitespace collapsed (no secrets live in sudoers)
  std::size_t line = 0;
};

using CmndAliases = std::map<std::string, std::vector<std::string>, std::less<>>;

struct Sudoers {
  std::vector<SudoInclude> includes;
  std::vector<SudoDefaults> defaults;
  std::vector<SudoRule> rules;
  CmndAliases cmnd_aliases;
  std::size_t malformed_lines = 0;
};

Sudoers parse_sudoers(std::string_view text);

// True when the rule lets its users run every command (ALL, or a Cmnd_Alias that contains
// ALL, followed through nested aliases) without a password.
bool grants_nopasswd_all(const SudoRule& rule, const CmndAliases& aliases);

// Whether sudo reads a file of an @includedir folder: names ending in '~' or containing '.'
// are skipped (sudoers(5)), so editor backups and package leftovers never take effect.
bool sudo_reads_included_name(std::string_view name);

}  // namespace zt::auth
