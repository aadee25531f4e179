#pragma once
// Parsers for the per-process /proc files and /etc/passwd that tie a socket to its owner:
// the fd symlink targets ("socket:[inode]"), /proc/<pid>/comm, /proc/<pid>/cmdline, the
// Uid line of /proc/<pid>/status. Pure; never throw.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zt::collector {

// "1234" → 1234: a /proc entry that is a process (not "self", "net", …).
std::optional<int> parse_pid(std::string_view name);

// "socket:[12345]" → 12345; nullopt for any other link target ("pipe:[…]", "/dev/null").
std::optional<std::uint64_t> parse_socket_link(std::string_view target);

// /proc/<pid>/comm: the name without its newline (the kernel cuts it at 15 bytes).
std::string parse_comm(std::string_view text);

// /proc/<pid>/cmdline: the arguments, split at their terminating NULs. A process that
// rewrote its title may have one argument with spaces; that is what it shows.
std::vector<std::string> parse_cmdline(std::string_view text);

// /proc/<pid>/status: the effective uid (the second number of "Uid:\treal\teffective\t…"),
// the one `ps -o user` shows.
std::optional<std::uint32_t> parse_status_uid(std::string_view text);

// /etc/passwd: uid → user name; the first entry of a uid wins, malformed lines are skipped.
std::map<std::uint32_t, std::string> parse_passwd(std::string_view text);

}  // namespace zt::collector
