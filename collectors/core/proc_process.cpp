#include "collectors/core/proc_process.hpp"

#include <charconv>

#include "collectors/core/text.hpp"

namespace zt::collector {
namespace {

template <typename T>
std::optional<T> parse_decimal(std::string_view text) {
  T value = 0;
  if (text.empty() || text.front() == '-' || text.front() == '+') return std::nullopt;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<int> parse_pid(std::string_view name) {
  auto pid = parse_decimal<int>(name);
  if (!pid || *pid <= 0) return std::nullopt;
  return pid;
}

std::optional<std::uint64_t> parse_socket_link(std::string_view target) {
  constexpr std::string_view kPrefix = "socket:[";
  if (!target.starts_with(kPrefix) || !target.ends_with(']')) return std::nullopt;
  return parse_decimal<std::uint64_t>(
      target.substr(kPrefix.size(), target.size() - kPrefix.size() - 1));
}

std::string parse_comm(std::string_view text) {
  const std::size_t newline = text.find('\n');
  return std::string(text.substr(0, newline));
}

std::vector<std::string> parse_cmdline(std::string_view text) {
  std::vector<std::string> arguments;
  while (!text.empty()) {
    const std::size_t end = text.find('\0');
    arguments.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return arguments;
}

std::optional<std::uint32_t> parse_status_uid(std::string_view text) {
  for (std::string_view line : split_lines(text)) {
    if (!line.starts_with("Uid:")) continue;
    const auto words = split_whitespace(line.substr(4));
    if (words.size() < 2) return std::nullopt;
    return parse_decimal<std::uint32_t>(words[1]);
  }
  return std::nullopt;
}

std::map<std::uint32_t, std::string> parse_passwd(std::string_view text) {
  std::map<std::uint32_t, std::string> users;
  for (std::string_view line : split_lines(text)) {
    if (line.empty() || line.front() == '#') continue;
    // name:password:uid:gid:gecos:home:shell
    const std::size_t first = line.find(':');
    if (first == 0 || first == std::string_view::npos) continue;
    const std::size_t second = line.find(':', first + 1);
    if (second == std::string_view::npos) continue;
    const std::size_t third = line.find(':', second + 1);
    if (third == std::string_view::npos) continue;
    auto uid = parse_decimal<std::uint32_t>(line.substr(second + 1, third - second - 1));
    if (!uid) continue;
    users.emplace(*uid, std::string(line.substr(0, first)));
  }
  return users;
}

}  // namespace zt::collector
