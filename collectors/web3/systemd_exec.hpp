#pragma once
// The commands of a systemd unit's ExecStart= lines (systemd.service(5)): continuation lines
// ending in '\' joined, the prefixes "-@:+!" dropped, the words split at white space with
// "double" and 'single' quotes kept together. Specifiers (%i) and $VARIABLES are left as
// written. Pure; never throws.
#include <string>
#include <string_view>
#include <vector>

namespace zt::web3 {

std::vector<std::vector<std::string>> exec_start_commands(std::string_view unit_text);

// A command line split as a shell would split a simple one: white space, quotes kept together.
std::vector<std::string> split_command(std::string_view line);

}  // namespace zt::web3
