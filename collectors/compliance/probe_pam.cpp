// pam: a line of a PAM stack (/etc/pam.d/<file>) with a type, a module and, optionally, an
// argument matching a regex; "@include" followed once (pam.d(5)).
#include "collectors/compliance/host_paths.hpp"
#include "collectors/compliance/probe_common.hpp"
#include "collectors/compliance/probes.hpp"
#include "collectors/core/text.hpp"

namespace zt::compliance {
namespace {

struct PamLine {
  std::string type;  // without a leading '-'
  std::string module;  // its file name ("/lib/security/pam_unix.so" → "pam_unix.so")
  std::vector<std::string> arguments;
};

// "type control module args…"; a control may be "[a=b c=d]" with blanks inside.
std::optional<PamLine> parse_pam_line(std::string_view text) {
  auto words = collector::split_whitespace(text);
  if (words.size() < 3) return std::nullopt;
  PamLine line;
  line.type = std::string(words[0].starts_with('-') ? words[0].substr(1) : words[0]);
  std::size_t i = 1;
  if (words[1].starts_with('[')) {
    while (i < words.size() && !words[i].ends_with(']')) ++i;
  }
  ++i;
  if (i >= words.size()) return std::nullopt;
  const std::string_view module = words[i];
  line.module = std::string(module.substr(module.rfind('/') == std::string_view::npos
                                              ? 0
                                              : module.rfind('/') + 1));
  for (++i; i < words.size(); ++i) line.arguments.emplace_back(words[i]);
  return line;
}

struct Hit {
  std::string path;
  std::size_t line = 0;
  std::string text;
};

}  // namespace

Outcome probe_pam(const Probe& probe, HostView& host) {
  const std::string type = probe.text_or("type");
  const std::string module = probe.text_or("module");
  const bool present = probe.flag("present").value_or(true);
  std::string expected = type + " " + module;
  if (probe.regex) expected += " with an argument matching " + probe.regex->source;
  expected = (present ? "a line " : "no line ") + expected;

  const std::string main = std::string(kPamDir) + "/" + probe.text_or("file");
  std::vector<std::string> files{main};
  std::optional<Hit> hit;
  for (std::size_t f = 0; f < files.size() && !hit; ++f) {
    const FileText& file = host.read(files[f]);
    if (file.state != FileText::State::ok) {
      if (f == 0)
        return outcome(file.state == FileText::State::missing ? Status::fail : Status::error,
                       {probe.type, files[f], 0,
                        file.state == FileText::State::missing ? "missing" : file.error,
                        expected});
      continue;
    }
    for (const ConfLine& line : conf_lines(file.text)) {
      if (line.text.starts_with("@include")) {
        const auto words = collector::split_whitespace(line.text);
        if (f == 0 && words.size() > 1) files.push_back(std::string(kPamDir) + "/" + std::string(words[1]));
        continue;
      }
      const auto parsed = parse_pam_line(line.text);
      if (!parsed || parsed->type != type || parsed->module != module) continue;
      if (probe.regex && std::none_of(parsed->arguments.begin(), parsed->arguments.end(),
                                      [&](const std::string& a) {
                                        return std::regex_match(a, *probe.regex->compiled);
                                      }))
        continue;
      hit = Hit{files[f], line.number, std::string(line.text)};
      break;
    }
  }
  if (hit)
    return outcome(present ? Status::pass : Status::fail,
                   {probe.type, hit->path, hit->line, hit->text, expected});
  return outcome(present ? Status::fail : Status::pass,
                 {probe.type, main, 0, "no such line", expected});
}

}  // namespace zt::compliance
