#include "collectors/readers/sshd_config.hpp"

#include <algorithm>
#include <cctype>

#include "collectors/readers/host_paths.hpp"
#include "collectors/core/text.hpp"

namespace zt::readers {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Words of the argument part: double quotes group (and are removed); an unquoted word that
// starts with '#' ends the line. An unterminated quote takes the rest of the line.
std::vector<std::string> split_args(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size() || text[i] == '#') break;
    std::string word;
    while (i < text.size() && !is_space(text[i])) {
      if (text[i] == '"') {
        const std::size_t close = text.find('"', i + 1);
        const std::size_t end = close == std::string_view::npos ? text.size() : close;
        word.append(text.substr(i + 1, end - i - 1));
        i = close == std::string_view::npos ? text.size() : close + 1;
      } else {
        word += text[i++];
      }
    }
    words.push_back(std::move(word));
  }
  return words;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string canonical_keyword(std::string keyword) {
  if (keyword == "challengeresponseauthentication") return "kbdinteractiveauthentication";
  return keyword;
}

class Loader {
 public:
  Loader(const SshdSource& source, int max_depth, std::size_t max_files)
      : source_(source), max_depth_(max_depth), max_files_(max_files) {}

  void process(const std::string& path, std::string_view text, int depth,
               std::optional<std::size_t> match) {
    config_.files.push_back(path);
    std::optional<std::size_t> current = match;
    for (SshdDirective& d : parse_sshd_directives(text)) {
      if (d.keyword == "match") {
        config_.matches.push_back({join(d.args), path, d.line, {}});
        current = config_.matches.size() - 1;
      } else if (d.keyword == "include") {
        for (const std::string& pattern : d.args) include(path, d, pattern, depth, current);
      } else {
        SshdSettings& target = current ? config_.matches[*current].settings : config_.global;
        target.try_emplace(canonical_keyword(std::move(d.keyword)),
                           SshdSetting{join(d.args), path, d.line});
      }
    }
  }

  SshdConfig take() { return std::move(config_); }

 private:
  void include(const std::string& from, const SshdDirective& d, const std::string& pattern,
               int depth, std::optional<std::size_t> current) {
    const std::string where = from + ":" + std::to_string(d.line);
    if (depth + 1 > max_depth_) {
      config_.problems.push_back(where + ": Include " + pattern + " nested more than " +
                                 std::to_string(max_depth_) + " deep; not followed");
      return;
    }
    const std::string absolute =
        pattern.starts_with('/') ? pattern : std::string(kSshConfigDir) + "/" + pattern;
    for (const std::string& path :
         source_.glob ? source_.glob(absolute) : std::vector<std::string>{}) {
      if (config_.files.size() >= max_files_) {
        config_.problems.push_back(where + ": more than " + std::to_string(max_files_) +
                                   " files included; the rest not read");
        return;
      }
      std::string error;
      const auto text = source_.read ? source_.read(path, error) : std::nullopt;
      if (!text) {
        config_.problems.push_back("cannot read " + (error.empty() ? path : error) +
                                   " (included from " + where + ")");
        continue;
      }
      process(path, *text, depth + 1, current);
    }
  }

  const SshdSource& source_;
  int max_depth_;
  std::size_t max_files_;
  SshdConfig config_;
};

}  // namespace

std::vector<SshdDirective> parse_sshd_directives(std::string_view text) {
  std::vector<SshdDirective> out;
  const auto lines = collector::split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = collector::trim(lines[i]);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t end = line.find_first_of(" \t=");
    SshdDirective d;
    d.keyword = lower(line.substr(0, end));
    d.line = i + 1;
    if (d.keyword.empty()) continue;
    if (end != std::string_view::npos) {
      std::string_view rest = line.substr(end);
      std::size_t skip = rest.find_first_not_of(" \t");
      if (skip != std::string_view::npos && rest[skip] == '=') ++skip;  // one '=' at most
      rest = skip == std::string_view::npos ? std::string_view{} : rest.substr(skip);
      d.args = split_args(rest);
    }
    out.push_back(std::move(d));
  }
  return out;
}

SshdConfig load_sshd_config(const std::string& main_path, std::string_view main_text,
                            const SshdSource& source, int max_depth, std::size_t max_files) {
  Loader loader(source, max_depth, max_files);
  loader.process(main_path, main_text, 0, std::nullopt);
  return loader.take();
}

std::string_view sshd_default(std::string_view keyword) {
  struct Default {
    std::string_view keyword;
    std::string_view value;
  };
  // OpenSSH 9.2's compiled-in defaults (sshd_config(5)); Debian's shipped sshd_config sets
  // KbdInteractiveAuthentication no and UsePAM yes explicitly, which the file itself shows.
  static constexpr Default kDefaults[] = {
      {"permitrootlogin", "prohibit-password"},
      {"passwordauthentication", "yes"},
      {"permitemptypasswords", "no"},
      {"kbdinteractiveauthentication", "yes"},
      {"usepam", "no"},
      {"pubkeyauthentication", "yes"},
      {"authorizedkeysfile", ".ssh/authorized_keys .ssh/authorized_keys2"},
      {"port", "22"},
      {"maxauthtries", "6"},
      {"x11forwarding", "no"},
  };
  for (const Default& d : kDefaults)
    if (d.keyword == keyword) return d.value;
  return "";
}

std::string effective_value(const SshdConfig& config, std::string_view keyword,
                            const MatchBlock* match, const SshdSetting** from) {
  const SshdSetting* found = nullptr;
  if (match != nullptr)
    if (auto it = match->settings.find(keyword); it != match->settings.end()) found = &it->second;
  if (found == nullptr)
    if (auto it = config.global.find(keyword); it != config.global.end()) found = &it->second;
  if (from != nullptr) *from = found;
  return found != nullptr ? found->value : std::string(sshd_default(keyword));
}

bool is_yes(std::string_view value) {
  const std::string v = lower(collector::trim(value));
  return v == "yes" || v == "true" || v == "on";
}

}  // namespace zt::readers
