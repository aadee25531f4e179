#include "collectors/core/os_release.hpp"

#include "collectors/core/text.hpp"

namespace zt::collector {
namespace {

// os-release is a few hundred bytes; a larger file is not one.
constexpr std::size_t kOsReleaseMaxBytes = std::size_t{1} << 20;

// The end of a HostFs error message, after the "<host path>: " it starts with.
std::string reason_of(const HostFs& fs, std::string_view path, const model::Error& error) {
  const std::string prefix = fs.describe(path) + ": ";
  return error.message.starts_with(prefix) ? error.message.substr(prefix.size())
                                           : error.message;
}

bool is_variable_name(std::string_view key) {
  if (key.empty() || (key.front() >= '0' && key.front() <= '9')) return false;
  for (char c : key) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

// Inside double quotes a backslash escapes only these (as in the shell).
bool escapable_in_double_quotes(char c) {
  return c == '$' || c == '`' || c == '"' || c == '\\' || c == '\n';
}

}  // namespace

std::string parse_shell_value(std::string_view raw) {
  std::string out;
  std::size_t i = 0;
  while (i < raw.size()) {
    const char c = raw[i];
    if (c == '\'') {
      const std::size_t close = raw.find('\'', i + 1);
      const std::size_t end = close == std::string_view::npos ? raw.size() : close;
      out.append(raw.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (c == '"') {
      ++i;
      while (i < raw.size() && raw[i] != '"') {
        if (raw[i] == '\\' && i + 1 < raw.size() && escapable_in_double_quotes(raw[i + 1])) {
          out += raw[i + 1];
          i += 2;
        } else {
          out += raw[i++];
        }
      }
      ++i;  // the closing quote, if there is one
    } else if (c == '\\') {
      if (i + 1 < raw.size()) out += raw[i + 1];
      i += 2;
    } else if (c == ' ' || c == '\t') {
      break;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

OsRelease parse_os_release(std::string_view text) {
  OsRelease os;
  for (std::string_view line : collector::split_lines(text)) {
    line = collector::trim(line);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, eq);
    if (!is_variable_name(key)) continue;
    os.values.insert_or_assign(std::string(key), parse_shell_value(line.substr(eq + 1)));
  }
  const auto take = [&os](std::string_view key, std::string& into) {
    if (auto it = os.values.find(key); it != os.values.end()) into = it->second;
  };
  take("ID", os.id);
  take("NAME", os.name);
  take("VERSION_ID", os.version_id);
  take("VERSION_CODENAME", os.version_codename);
  take("PRETTY_NAME", os.pretty_name);
  if (auto it = os.values.find("ID_LIKE"); it != os.values.end())
    for (std::string_view word : collector::split_whitespace(it->second))
      os.id_like.emplace_back(word);
  return os;
}

model::Result<OsReleaseFile> read_os_release(const HostFs& fs,
                                             std::vector<std::string>* problems) {
  std::vector<std::pair<std::string_view, model::Error>> failures;
  for (std::string_view path : {kOsReleasePath, kOsReleaseFallbackPath}) {
    auto text = fs.read_file(path, kOsReleaseMaxBytes);
    if (text) {
      if (problems != nullptr)
        for (const auto& [failed, error] : failures)
          if (!fs.is_missing(failed)) problems->push_back("cannot read " + error.message);
      return OsReleaseFile{path, std::move(*text)};
    }
    failures.emplace_back(path, text.error());
  }
  std::string message = "no " + fs.describe(std::string(kOsReleasePath) + " or " +
                                            std::string(kOsReleaseFallbackPath)) + ": ";
  const std::string first = reason_of(fs, failures[0].first, failures[0].second);
  const std::string second = reason_of(fs, failures[1].first, failures[1].second);
  if (first == second)
    message += first;
  else
    message += std::string(failures[0].first) + ": " + first + "; " +
               std::string(failures[1].first) + ": " + second;
  return model::Error{message};
}

model::Result<OsRelease> read_host_os_release(const HostFs& fs) {
  auto file = read_os_release(fs, nullptr);
  if (!file) return file.error();
  return parse_os_release(file->text);
}

}  // namespace zt::collector
