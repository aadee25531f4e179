#include "collectors/auth/password_policy.hpp"

#include "collectors/readers/accounts.hpp"
#include "collectors/core/text.hpp"

namespace zt::auth {

using readers::parse_integer;

namespace {

using collector::split_lines;
using collector::split_whitespace;
using collector::trim;

std::string_view strip_comment(std::string_view line) {
  const std::size_t hash = line.find('#');
  return trim(hash == std::string_view::npos ? line : line.substr(0, hash));
}

std::string_view base_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::optional<int> small_int(std::string_view text) {
  const auto v = parse_integer(trim(text));
  if (!v || *v < 0 || *v > 100000) return std::nullopt;
  return static_cast<int>(*v);
}

}  // namespace

ConfValues parse_login_defs(std::string_view text) {
  ConfValues values;
  const auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t space = line.find_first_of(" \t");
    if (space == std::string_view::npos) continue;
    // As shadow-utils' getdef: the value is the next word, quotes stripped; the rest of the
    // line is ignored.
    std::string_view value = trim(line.substr(space));
    value = value.substr(value.find_first_not_of('"') == std::string_view::npos
                             ? value.size()
                             : value.find_first_not_of('"'));
    value = value.substr(0, value.find_first_of(" \t\""));
    values[std::string(line.substr(0, space))] = {std::string(value), i + 1};
  }
  return values;
}

ConfValues parse_pwquality_conf(std::string_view text) {
  ConfValues values;
  const auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = strip_comment(lines[i]);
    if (line.empty()) continue;
    const std::size_t eq = line.find('=');
    const std::string_view key = trim(line.substr(0, eq));
    if (key.empty() || key.find_first_of(" \t") != std::string_view::npos) continue;
    const std::string_view value = eq == std::string_view::npos ? "" : trim(line.substr(eq + 1));
    values[std::string(key)] = {std::string(value), i + 1};
  }
  return values;
}

std::vector<PamLine> parse_pam_config(std::string_view text) {
  std::vector<PamLine> out;
  const auto lines = split_lines(text);
  std::string joined;
  std::size_t first_line = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (joined.empty()) first_line = i + 1;
    const bool continued = !line.empty() && line.back() == '\\';
    if (continued) line.remove_suffix(1);
    joined += line;
    if (continued && i + 1 < lines.size()) {
      joined += ' ';
      continue;
    }
    const std::string_view logical = strip_comment(joined);
    const auto words = split_whitespace(logical);
    if (words.size() >= 3 && !words[0].starts_with('@')) {
      PamLine pam;
      pam.line = first_line;
      pam.type = std::string(words[0].starts_with('-') ? words[0].substr(1) : words[0]);
      std::size_t next = 1;
      if (words[1].starts_with('[')) {
        // A bracketed control may hold spaces: take words up to the one ending in ']'.
        std::string control{words[1]};
        while (!control.ends_with(']') && next + 1 < words.size())
          control += " " + std::string(words[++next]);
        pam.control = std::move(control);
      } else {
        pam.control = std::string(words[1]);
      }
      ++next;
      if (next < words.size()) {
        pam.module = std::string(base_name(words[next]));
        for (std::size_t w = next + 1; w < words.size(); ++w) pam.args.emplace_back(words[w]);
        out.push_back(std::move(pam));
      }
    }
    joined.clear();
  }
  return out;
}

std::optional<std::string> pam_arg(const PamLine& line, std::string_view key) {
  for (const std::string& arg : line.args)
    if (arg.size() > key.size() && arg.starts_with(key) && arg[key.size()] == '=')
      return arg.substr(key.size() + 1);
  return std::nullopt;
}

std::optional<MinLength> effective_min_length(const std::vector<PamLine>& stack,
                                              const ConfValues& pwquality) {
  std::optional<MinLength> best;
  const auto consider = [&](MinLength candidate) {
    if (!best || candidate.value > best->value) best = std::move(candidate);
  };
  for (const PamLine& pam : stack) {
    if (pam.type != "password") continue;
    const auto arg = pam_arg(pam, "minlen");
    const auto from_arg = arg ? small_int(*arg) : std::nullopt;
    if (pam.module == "pam_pwquality.so") {
      if (from_arg) {
        consider({*from_arg, pam.module, "argument minlen=" + *arg, pam.line});
      } else if (const auto it = pwquality.find("minlen");
                 it != pwquality.end() && small_int(it->second.value)) {
        consider({*small_int(it->second.value), pam.module,
                  "pwquality.conf minlen = " + it->second.value, pam.line});
      } else {
        consider({kPwqualityDefaultMinLen, pam.module, "module default", pam.line});
      }
    } else if (pam.module == "pam_cracklib.so") {
      consider(from_arg
                   ? MinLength{*from_arg, pam.module, "argument minlen=" + *arg, pam.line}
                   : MinLength{kCracklibDefaultMinLen, pam.module, "module default", pam.line});
    } else if (pam.module == "pam_unix.so") {
      consider(from_arg ? MinLength{*from_arg, pam.module, "argument minlen=" + *arg, pam.line}
                        : MinLength{kUnixDefaultMinLen, pam.module, "module default", pam.line});
    }
  }
  return best;
}

}  // namespace zt::auth
