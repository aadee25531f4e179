// The file probes: file (metadata), file_line, file_value, and login_defs (file_value of
// /etc/login.defs). A path may be a glob: every match must hold; no match is "missing".
#include <cstdio>

#include "collectors/compliance/expect.hpp"
#include "collectors/compliance/host_paths.hpp"
#include "collectors/compliance/probe_common.hpp"
#include "collectors/compliance/probes.hpp"
#include "collectors/core/text.hpp"

namespace zt::compliance {
namespace {

using collector::FileType;

std::string octal(std::uint32_t mode) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%04o", mode & 07777u);
  return buffer;
}

std::string type_name(FileType type, bool symlink) {
  if (symlink) return "symlink";
  switch (type) {
    case FileType::regular: return "file";
    case FileType::directory: return "dir";
    default: return "other";
  }
}

std::string user_name(HostView& host, std::uint32_t uid) {
  if (const auto& passwd = host.accounts().passwd)
    for (const auto& p : passwd->entries)
      if (p.uid == uid) return p.name;
  return std::to_string(uid);
}

std::string group_name(HostView& host, std::uint32_t gid) {
  if (const auto& group = host.accounts().group)
    for (const auto& g : group->entries)
      if (g.gid == gid) return g.name;
  return std::to_string(gid);
}

// Whether an owner or group as the pack writes it (a name or a number) is `id`.
bool same_id(const std::string& wanted, std::uint32_t id, const std::string& name) {
  if (const auto n = parse_number(wanted); n && wanted.find_first_not_of("0123456789") ==
                                                    std::string::npos)
    return *n == static_cast<long long>(id);
  return wanted == name;
}

// The probe's path as the paths it matches; a glob with no match gives nothing.
std::vector<std::string> paths_of(const Probe& probe, HostView& host) {
  return host.glob(probe.text_or("path"));
}

Outcome missing(const Probe& probe, const std::string& path) {
  const bool optional = probe.flag("optional").value_or(false);
  return outcome(optional ? Status::pass : Status::fail,
                 {probe.type, path, 0, "missing", optional ? "optional" : "present"});
}

Outcome one_file(const Probe& probe, HostView& host, const std::string& path) {
  const bool want_exists = probe.flag("exists").value_or(true);
  const collector::HostFs& fs = host.fs();
  if (fs.is_missing(path)) {
    if (!want_exists) return outcome(Status::pass, {probe.type, path, 0, "missing", "absent"});
    return missing(probe, path);
  }
  if (!want_exists) return outcome(Status::fail, {probe.type, path, 0, "exists", "absent"});
  auto info = fs.stat(path);
  if (!info) return outcome(Status::error, {probe.type, path, 0, info.error().message, ""});
  const bool symlink = static_cast<bool>(fs.read_link(path));
  const std::string owner = user_name(host, info->uid);
  const std::string group = group_name(host, info->gid);
  const std::string observed = type_name(info->type, symlink) + " " + octal(info->mode) + " " +
                               owner + ":" + group;
  std::vector<std::string> wanted;
  bool holds = true;
  if (const std::string type = probe.text_or("type"); !type.empty()) {
    wanted.push_back(type);
    holds = holds && type == type_name(info->type, symlink && type == "symlink");
  }
  if (const std::string max = probe.text_or("mode_max"); !max.empty()) {
    wanted.push_back("mode at most " + max);
    holds = holds && (info->mode & ~static_cast<std::uint32_t>(*parse_number(max)) & 07777u) == 0;
  }
  if (const std::string want = probe.text_or("owner"); !want.empty()) {
    wanted.push_back("owner " + want);
    holds = holds && same_id(want, info->uid, owner);
  }
  if (const std::string want = probe.text_or("group"); !want.empty()) {
    wanted.push_back("group " + want);
    holds = holds && same_id(want, info->gid, group);
  }
  std::string expected = "exists";
  for (const std::string& w : wanted) expected += ", " + w;
  return outcome(holds ? Status::pass : Status::fail, {probe.type, path, 0, observed, expected});
}

// The matching lines of one file, as evidence.
Outcome lines_of(const Probe& probe, HostView& host, const std::string& path) {
  const FileText& file = host.read(path);
  if (file.state == FileText::State::missing) return missing(probe, path);
  if (file.state == FileText::State::error)
    return outcome(Status::error, {probe.type, path, 0, file.error, ""});
  const bool present = probe.flag("present").value_or(true);
  const std::string expected = std::string(present ? "a line matching " : "no line matching ") +
                               probe.regex->source;
  Outcome out{present ? Status::fail : Status::pass, {}};
  for (const ConfLine& line : conf_lines(file.text)) {
    if (!std::regex_match(line.text.begin(), line.text.end(), *probe.regex->compiled)) continue;
    out.status = present ? Status::pass : Status::fail;
    out.evidence.push_back({probe.type, path, line.number, std::string(line.text), expected});
    if (present) return out;
  }
  if (out.evidence.empty())
    out.evidence.push_back({probe.type, path, 0, "no matching line", expected});
  return out;
}

// The last "key value" (space) or "key=value" (equals) of `key` in the file.
struct Value {
  std::string value;
  std::size_t line = 0;
};
std::optional<Value> last_value(std::string_view text, std::string_view key, bool equals) {
  std::optional<Value> found;
  for (const ConfLine& line : conf_lines(text)) {
    std::string_view k;
    std::string_view v;
    if (equals) {
      const auto eq = line.text.find('=');
      if (eq == std::string_view::npos) continue;
      k = collector::trim(line.text.substr(0, eq));
      v = collector::trim(line.text.substr(eq + 1));
    } else {
      const auto blank = line.text.find_first_of(" \t");
      k = line.text.substr(0, blank);
      v = blank == std::string_view::npos ? "" : collector::trim(line.text.substr(blank));
    }
    if (k == key) found = Value{std::string(v), line.number};
  }
  return found;
}

Outcome value_of(const Probe& probe, HostView& host, const std::string& path) {
  const FileText& file = host.read(path);
  if (file.state == FileText::State::missing) return missing(probe, path);
  if (file.state == FileText::State::error)
    return outcome(Status::error, {probe.type, path, 0, file.error, ""});
  const std::string key = probe.text_or("key");
  const std::string expected = key + " " + describe(*probe.expect);
  const auto value = last_value(file.text, key, probe.text_or("syntax", "space") == "equals");
  if (!value) return outcome(Status::fail, {probe.type, path, 0, key + " not set", expected});
  return outcome(expect_holds(*probe.expect, value->value) ? Status::pass : Status::fail,
                 {probe.type, path, value->line, key + " " + value->value, expected});
}

template <typename OneFile>
Outcome each_path(const Probe& probe, HostView& host, OneFile one) {
  const std::vector<std::string> paths = paths_of(probe, host);
  if (paths.empty()) {
    if (probe.type == "file" && !probe.flag("exists").value_or(true))
      return outcome(Status::pass, {probe.type, probe.text_or("path"), 0, "no match", "absent"});
    return missing(probe, probe.text_or("path"));
  }
  std::vector<Outcome> parts;
  for (const std::string& path : paths) parts.push_back(one(probe, host, path));
  return all_of(std::move(parts));
}

}  // namespace

Outcome probe_file(const Probe& probe, HostView& host) {
  return each_path(probe, host, &one_file);
}

Outcome probe_file_line(const Probe& probe, HostView& host) {
  return each_path(probe, host, &lines_of);
}

Outcome probe_file_value(const Probe& probe, HostView& host) {
  return each_path(probe, host, &value_of);
}

Outcome probe_login_defs(const Probe& probe, HostView& host) {
  Probe as_value = probe;
  as_value.text["path"] = std::string(kLoginDefsPath);
  return value_of(as_value, host, std::string(kLoginDefsPath));
}

}  // namespace zt::compliance
