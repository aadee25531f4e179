#include "collectors/database/checks_common.hpp"

#include "collectors/core/text.hpp"

namespace zt::database {

bool names_all_interfaces(std::string_view list) {
  std::size_t pos = 0;
  while (pos <= list.size()) {
    auto end = list.find_first_of(", ", pos);
    if (end == std::string_view::npos) end = list.size();
    std::string_view item = collector::unquote(collector::trim(list.substr(pos, end - pos)));
    if (!item.empty() && item.front() == '-') item.remove_prefix(1);  // Redis "-::*": optional
    if (item == "*" || item == "0.0.0.0" || item == "::" || item == "[::]" || item == "::*" ||
        item == "0" || item == "_global_")
      return true;
    pos = end + 1;
  }
  return false;
}

Exposure exposure(const Server& server, bool config_says_all, const Evidence& config_evidence) {
  Exposure out;
  if (server.sockets.empty()) {
    out.all = config_says_all;
    if (config_says_all) out.evidence.push_back(config_evidence);
    return out;
  }
  for (const collector::ListeningSocket& s : server.sockets) {
    if (s.protocol != collector::Protocol::tcp || !collector::is_wildcard(s)) continue;
    if (!out.all && config_says_all) out.evidence.push_back(config_evidence);
    out.all = true;
    out.evidence.push_back(Evidence{s.source, 0, collector::endpoint_text(s.address, s.port)});
  }
  return out;
}

std::string server_text(const Server& server) {
  std::string text(display_name(server.engine));
  if (server.process)
    text += " (" + server.process->name + ", pid " + std::to_string(server.process->pid) + ")";
  if (!server.sockets.empty())
    return text + " on " + server.host + ":" + std::to_string(server.port);
  if (!server.config.files.empty()) return text + " configured in " + server.config.files.front();
  return text;
}

std::string where_text(const Evidence& evidence) {
  if (evidence.line > 0) return evidence.file + ":" + std::to_string(evidence.line);
  if (evidence.file == "default") return "the built-in default";
  if (evidence.file == "live check") return "a live check";
  const std::string_view file = evidence.file;
  if (file.substr(0, 10) == "/proc/net/") return "the socket table " + evidence.file;
  if (file.substr(0, 6) == "/proc/" && file.size() > 8 &&
      file.substr(file.size() - 8) == "/cmdline")
    return "the command line (" + evidence.file + ")";
  return evidence.file;  // the file as a whole: a setting it lacks
}

Issue make_issue(const Server& server, std::string_view type, model::Severity severity,
                 std::string title, std::string description, std::string remediation,
                 std::vector<Evidence> evidence) {
  Issue issue;
  issue.finding_type = std::string(type);
  issue.severity = severity;
  issue.title = std::move(title);
  issue.description = server_text(server) + ": " + std::move(description);
  issue.remediation = std::move(remediation);
  issue.evidence = std::move(evidence);
  return issue;
}

}  // namespace zt::database
