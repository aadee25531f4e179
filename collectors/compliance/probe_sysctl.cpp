// sysctl: the persistent value as systemd-sysctl applies the files at boot (sysctl.d(5)), and
// the running value from /proc/sys when the host is the agent's own.
#include <algorithm>

#include "collectors/compliance/expect.hpp"
#include "collectors/compliance/host_paths.hpp"
#include "collectors/compliance/probe_common.hpp"
#include "collectors/compliance/probes.hpp"
#include "collectors/core/text.hpp"

namespace zt::compliance {
namespace {

// "net/ipv4/ip_forward" and "net.ipv4.ip_forward" are the same key.
std::string normal_key(std::string_view key) {
  std::string out(key);
  std::replace(out.begin(), out.end(), '/', '.');
  return out;
}

struct Assignment {
  std::string value;
  std::string path;
  std::size_t line = 0;
};

// The last assignment of `key` in the boot's order; `errors` gets files that cannot be read.
std::optional<Assignment> persistent_value(HostView& host, const std::string& key,
                                           std::vector<Evidence>& errors) {
  std::vector<std::string> files = host.merged_conf_files(kSysctlDirs, ".conf");
  files.emplace_back(kSysctlConfPath);
  std::optional<Assignment> found;
  for (const std::string& path : files) {
    const FileText& file = host.read(path);
    if (file.state == FileText::State::error) errors.push_back({"sysctl", path, 0, file.error, ""});
    if (file.state != FileText::State::ok) continue;
    for (const ConfLine& line : conf_lines(file.text, ';')) {
      std::string_view text = line.text;
      if (text.starts_with('-')) text.remove_prefix(1);  // "-key = value": errors ignored
      const auto eq = text.find('=');
      if (eq == std::string_view::npos) continue;
      if (normal_key(collector::trim(text.substr(0, eq))) != key) continue;
      found = Assignment{std::string(collector::trim(text.substr(eq + 1))), path, line.number};
    }
  }
  return found;
}

// Values with several fields ("4096 87380 6291456") compare with their blanks made single.
std::string single_spaced(std::string_view text) {
  std::string out;
  for (std::string_view word : collector::split_whitespace(text))
    out += (out.empty() ? "" : " ") + std::string(word);
  return out;
}

}  // namespace

Outcome probe_sysctl(const Probe& probe, HostView& host) {
  const std::string key = normal_key(probe.text_or("key"));
  const std::string where = probe.text_or("where", "both");
  const std::string expected = key + " " + describe(*probe.expect);
  std::vector<Outcome> parts;
  if (where != "runtime") {
    std::vector<Evidence> errors;
    const auto value = persistent_value(host, key, errors);
    if (!errors.empty()) parts.push_back({Status::error, std::move(errors)});
    if (!value)
      parts.push_back(outcome(Status::fail, {probe.type, "", 0, key + " not set persistently",
                                             expected}));
    else
      parts.push_back(outcome(
          expect_holds(*probe.expect, single_spaced(value->value)) ? Status::pass : Status::fail,
          {probe.type, value->path, value->line, key + " = " + value->value, expected}));
  }
  if (where != "persistent" && (host.live() || where == "runtime")) {
    std::string path = std::string(kProcSysPath) + "/" + key;
    std::replace(path.begin() + static_cast<std::ptrdiff_t>(kProcSysPath.size()) + 1, path.end(),
                 '.', '/');
    if (!host.live()) {
      parts.push_back(outcome(Status::error, {probe.type, path, 0,
                                              "the running value is read only on the agent's own "
                                              "host (host root /)",
                                              expected}));
    } else {
      const FileText& file = host.read(path);
      if (file.state != FileText::State::ok)
        parts.push_back(outcome(Status::error, {probe.type, path, 0,
                                                file.state == FileText::State::missing
                                                    ? "no such key in /proc/sys"
                                                    : file.error,
                                                expected}));
      else
        parts.push_back(outcome(
            expect_holds(*probe.expect, single_spaced(file.text)) ? Status::pass : Status::fail,
            {probe.type, path, 0, key + " = " + single_spaced(file.text), expected}));
    }
  }
  return all_of(std::move(parts));
}

}  // namespace zt::compliance
