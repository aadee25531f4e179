#include "collectors/readers/dpkg_status.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "collectors/core/text.hpp"

namespace zt::readers {
namespace {

// Field names are case-insensitive in dpkg's control files.
bool same_field(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

struct Stanza {
  bool any_field = false;
  DpkgEntry entry;
  std::optional<std::string> status;  // the raw Status value
};

void finish(Stanza& stanza, DpkgStatus& out) {
  if (!stanza.any_field) return;
  Stanza done = std::move(stanza);
  stanza = Stanza{};
  if (done.entry.package.empty()) {
    ++out.malformed_stanzas;
    return;
  }
  if (!done.status) {
    // dpkg's own default for a package it knows nothing installed of.
    done.entry.state = "not-installed";
  } else {
    const auto words = collector::split_whitespace(*done.status);
    if (words.size() != 3) {
      ++out.malformed_stanzas;
      return;
    }
    done.entry.state = std::string(words[2]);
  }
  out.entries.push_back(std::move(done.entry));
}

// "name" or "name (version)"; a version without its closing parenthesis is not taken.
void set_source(std::string_view value, DpkgEntry& entry) {
  const std::size_t space = value.find_first_of(" \t");
  entry.source = std::string(value.substr(0, space));
  entry.source_version.clear();
  if (space == std::string_view::npos) return;
  const std::string_view rest = collector::trim(value.substr(space));
  if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')')
    entry.source_version = std::string(collector::trim(rest.substr(1, rest.size() - 2)));
}

}  // namespace

DpkgStatus parse_dpkg_status(std::string_view text) {
  DpkgStatus out;
  Stanza stanza;
  for (std::string_view line : collector::split_lines(text)) {
    if (collector::trim(line).empty()) {
      finish(stanza, out);
      continue;
    }
    // A continuation line (long descriptions, conffiles): none of the kept fields has one.
    if (line.front() == ' ' || line.front() == '\t') continue;
    if (line.front() == '#') continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;  // not a field: ignored
    const std::string_view field = line.substr(0, colon);
    const std::string value{collector::trim(line.substr(colon + 1))};
    stanza.any_field = true;
    if (same_field(field, "Package")) stanza.entry.package = value;
    else if (same_field(field, "Version")) stanza.entry.version = value;
    else if (same_field(field, "Architecture")) stanza.entry.architecture = value;
    else if (same_field(field, "Multi-Arch")) stanza.entry.multi_arch = value;
    else if (same_field(field, "Status")) stanza.status = value;
    else if (same_field(field, "Source")) set_source(value, stanza.entry);
  }
  finish(stanza, out);
  return out;
}

std::string native_architecture(const DpkgStatus& status) {
  const DpkgEntry* dpkg = nullptr;
  for (const DpkgEntry& e : status.entries) {
    if (e.package != "dpkg" || e.architecture.empty()) continue;
    if (dpkg == nullptr || (!is_present(*dpkg) && is_present(e))) dpkg = &e;
  }
  if (dpkg != nullptr) return dpkg->architecture;

  std::map<std::string_view, std::size_t> counts;
  for (const DpkgEntry& e : status.entries)
    if (!e.architecture.empty() && e.architecture != "all") ++counts[e.architecture];
  std::string_view best;
  std::size_t best_count = 0;
  for (const auto& [arch, count] : counts)
    if (count > best_count) {
      best = arch;
      best_count = count;
    }
  return std::string(best);
}

std::string binary_package_name(const DpkgEntry& entry, std::string_view native_arch) {
  if (entry.architecture.empty()) return entry.package;
  const bool qualify = entry.multi_arch == "same" ||
                       (entry.architecture != "all" && entry.architecture != native_arch);
  return qualify ? entry.package + ":" + entry.architecture : entry.package;
}

std::string source_package_name(const DpkgEntry& entry) {
  return entry.source.empty() ? entry.package : entry.source;
}

std::string source_package_version(const DpkgEntry& entry) {
  return entry.source_version.empty() ? entry.version : entry.source_version;
}

bool is_present(const DpkgEntry& entry) {
  return entry.state != "not-installed" && entry.state != "config-files";
}

std::vector<DpkgPackage> installed_packages(const DpkgStatus& status) {
  const std::string native = native_architecture(status);
  std::vector<DpkgPackage> packages;
  for (const DpkgEntry& e : status.entries)
    if (is_present(e))
      packages.push_back({binary_package_name(e, native), e.version, source_package_name(e),
                          source_package_version(e), e.architecture});
  return packages;
}

}  // namespace zt::readers
