// mount: a mount point in the kernel's table and in /etc/fstab, and its options. A mount
// present in one and missing from the other fails with both in the evidence.
#include <algorithm>

#include "collectors/compliance/host_paths.hpp"
#include "collectors/compliance/probe_common.hpp"
#include "collectors/compliance/probes.hpp"
#include "collectors/core/text.hpp"

namespace zt::compliance {
namespace {

struct MountEntry {
  std::string options;
  std::size_t line = 0;
};

// fstab(5) and /proc/mounts escape blanks in paths as octal ("\040").
std::string unescape(std::string_view field) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 3 < field.size()) {
      const std::string digits(field.substr(i + 1, 3));
      if (digits.find_first_not_of("01234567") == std::string::npos) {
        out += static_cast<char>(std::stoi(digits, nullptr, 8));
        i += 3;
        continue;
      }
    }
    out += field[i];
  }
  return out;
}

// The last entry for `mount_point` in a table of "spec file type options …" lines.
std::optional<MountEntry> find_mount(std::string_view text, const std::string& mount_point) {
  std::optional<MountEntry> found;
  for (const ConfLine& line : conf_lines(text)) {
    const auto words = collector::split_whitespace(line.text);
    if (words.size() >= 4 && unescape(words[1]) == mount_point)
      found = MountEntry{std::string(words[3]), line.number};
  }
  return found;
}

bool has_option(std::string_view options, std::string_view option) {
  while (!options.empty()) {
    const auto comma = options.find(',');
    if (options.substr(0, comma) == option) return true;
    if (comma == std::string_view::npos) break;
    options.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

Outcome probe_mount(const Probe& probe, HostView& host) {
  const std::string mount_point = probe.text_or("path");
  const bool separate = probe.flag("separate").value_or(true);
  std::string expected = separate ? "a separate mount" : "not a separate mount";
  for (const std::string& o : probe.list) expected += (o == probe.list.front() ? " with " : ",") + o;

  std::vector<std::string> tables{std::string(kFstabPath)};
  if (host.live())
    tables.emplace_back(kLiveMountsPath);
  else if (!host.fs().is_missing(kRootedMountsPath))
    tables.emplace_back(kRootedMountsPath);

  std::vector<Outcome> parts;
  for (const std::string& path : tables) {
    const FileText& file = host.read(path);
    if (file.state == FileText::State::error) {
      parts.push_back(outcome(Status::error, {probe.type, path, 0, file.error, expected}));
      continue;
    }
    const auto entry = file.state == FileText::State::ok ? find_mount(file.text, mount_point)
                                                         : std::nullopt;
    if (!entry) {
      parts.push_back(outcome(separate ? Status::fail : Status::pass,
                              {probe.type, path, 0, mount_point + " not in " + path, expected}));
      continue;
    }
    bool holds = separate;
    for (const std::string& o : probe.list) holds = holds && has_option(entry->options, o);
    parts.push_back(outcome(holds ? Status::pass : Status::fail,
                            {probe.type, path, entry->line, mount_point + " " + entry->options,
                             expected}));
  }
  Outcome out = all_of(parts);
  // One table without the mount and the other with it: both are the evidence.
  if (out.status == Status::fail && parts.size() == 2) {
    out.evidence.clear();
    for (Outcome& p : parts)
      for (Evidence& e : p.evidence) out.evidence.push_back(std::move(e));
  }
  return out;
}

}  // namespace zt::compliance
