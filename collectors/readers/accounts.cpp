#include "collectors/readers/accounts.hpp"

#include <charconv>
#include <utility>

#include "collectors/core/text.hpp"

namespace zt::readers {
namespace {

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t pos = 0;
  while (true) {
    const std::size_t colon = line.find(':', pos);
    if (colon == std::string_view::npos) {
      fields.push_back(line.substr(pos));
      return fields;
    }
    fields.push_back(line.substr(pos, colon - pos));
    pos = colon + 1;
  }
}

// The records of a colon file: non-blank, non-comment, non-NIS-compat lines, 1-based.
template <typename OnRecord>
void for_each_record(std::string_view text, OnRecord&& on_record) {
  const auto lines = collector::split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (collector::trim(line).empty() || line.front() == '#') continue;
    if (line.front() == '+' || line.front() == '-') continue;  // NIS compat entries
    on_record(split_fields(line), i + 1);
  }
}

}  // namespace

std::string_view to_string(PasswordState state) {
  switch (state) {
    case PasswordState::empty:
      return "empty";
    case PasswordState::locked:
      return "locked";
    case PasswordState::set:
      return "set";
    case PasswordState::shadow:
      return "shadow";
  }
  return "unknown";
}

PasswordState classify_password(std::string_view field) {
  if (field.empty()) return PasswordState::empty;
  if (field == "x") return PasswordState::shadow;
  if (field.front() == '!' || field.front() == '*') return PasswordState::locked;
  return PasswordState::set;
}

std::optional<std::uint32_t> parse_id(std::string_view text) {
  std::uint32_t value = 0;
  if (text.empty() || text.front() == '+' || text.front() == '-') return std::nullopt;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<long long> parse_integer(std::string_view text) {
  long long value = 0;
  if (text.empty() || text.front() == '+') return std::nullopt;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Parsed<PasswdEntry> parse_passwd(std::string_view text) {
  Parsed<PasswdEntry> out;
  for_each_record(text, [&](const std::vector<std::string_view>& f, std::size_t line) {
    const auto uid = f.size() >= 7 ? parse_id(f[2]) : std::nullopt;
    const auto gid = f.size() >= 7 ? parse_id(f[3]) : std::nullopt;
    if (f.size() != 7 || f[0].empty() || !uid || !gid) {
      ++out.malformed_lines;
      return;
    }
    out.entries.push_back({std::string(f[0]), classify_password(f[1]), *uid, *gid,
                           std::string(f[5]), std::string(f[6]), line});
  });
  return out;
}

Parsed<ShadowEntry> parse_shadow(std::string_view text) {
  Parsed<ShadowEntry> out;
  for_each_record(text, [&](const std::vector<std::string_view>& f, std::size_t line) {
    // shadow(5) has nine fields; tolerate a short line as long as the password is there.
    if (f.size() < 2 || f.size() > 9 || f[0].empty()) {
      ++out.malformed_lines;
      return;
    }
    ShadowEntry entry{std::string(f[0]), classify_password(f[1]), std::nullopt, line};
    // "x" has no meaning in shadow: it is simply not a valid hash, so no password can match.
    if (entry.password == PasswordState::shadow) entry.password = PasswordState::locked;
    entry.hash_kind = hash_kind(f[1]);
    const std::pair<std::size_t, std::optional<long long>*> aging[] = {
        {3, &entry.min_days}, {4, &entry.max_days}, {5, &entry.warn_days},
        {6, &entry.inactive_days}};
    for (const auto& [index, field] : aging) {
      if (f.size() <= index || f[index].empty()) continue;
      *field = parse_integer(f[index]);
      if (!*field) {
        ++out.malformed_lines;
        return;
      }
    }
    out.entries.push_back(std::move(entry));
  });
  return out;
}

std::string hash_kind(std::string_view field) {
  switch (classify_password(field)) {
    case PasswordState::empty: return "empty";
    case PasswordState::locked: return "locked";
    case PasswordState::shadow: return "unknown";
    case PasswordState::set: break;
  }
  static constexpr std::pair<std::string_view, std::string_view> kPrefixes[] = {
      {"$y$", "yescrypt"},   {"$gy$", "gost-yescrypt"}, {"$7$", "scrypt"},
      {"$6$", "sha512crypt"}, {"$5$", "sha256crypt"},   {"$1$", "md5crypt"},
      {"$2a$", "bcrypt"},    {"$2b$", "bcrypt"},        {"$2y$", "bcrypt"}};
  for (const auto& [prefix, kind] : kPrefixes)
    if (field.starts_with(prefix)) return std::string(kind);
  return field.size() == 13 && field.front() != '$' ? "descrypt" : "unknown";
}

Parsed<GroupEntry> parse_group(std::string_view text) {
  Parsed<GroupEntry> out;
  for_each_record(text, [&](const std::vector<std::string_view>& f, std::size_t line) {
    const auto gid = f.size() == 4 ? parse_id(f[2]) : std::nullopt;
    if (f.size() != 4 || f[0].empty() || !gid) {
      ++out.malformed_lines;
      return;
    }
    GroupEntry entry{std::string(f[0]), *gid, {}, line};
    std::size_t pos = 0;
    while (pos <= f[3].size()) {
      const std::size_t comma = std::min(f[3].find(',', pos), f[3].size());
      const std::string_view member = collector::trim(f[3].substr(pos, comma - pos));
      if (!member.empty()) entry.members.emplace_back(member);
      pos = comma + 1;
    }
    out.entries.push_back(std::move(entry));
  });
  return out;
}

bool is_login_shell(std::string_view shell) {
  constexpr std::string_view kNoLogin[] = {"/usr/sbin/nologin", "/sbin/nologin",
                                           "/usr/bin/nologin",  "/bin/false",
                                           "/usr/bin/false",    "/bin/nologin"};
  const std::string_view s = collector::trim(shell);
  for (std::string_view n : kNoLogin)
    if (s == n) return false;
  return true;
}

}  // namespace zt::readers
