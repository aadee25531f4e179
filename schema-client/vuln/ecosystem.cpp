#include "schema-client/vuln/ecosystem.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace zt::vuln {

namespace {

bool is_number(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The value of a run of digits; 0 when it does not fit an int.
int number_of(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// The leading numeric parts of VERSION_ID, as many as asked: "3.18.9" → {"3", "18"}; empty
// when one of them is missing or not a number.
std::vector<std::string_view> leading_numbers(std::string_view version, std::size_t count) {
  std::vector<std::string_view> parts;
  while (parts.size() < count) {
    const std::size_t dot = version.find('.');
    const std::string_view part = version.substr(0, dot);
    if (!is_number(part)) return {};
    parts.push_back(part);
    if (dot == std::string_view::npos) break;
    version.remove_prefix(dot + 1);
  }
  if (parts.size() < count) return {};
  return parts;
}

std::optional<HostEcosystem> with_major(std::string_view prefix, std::string_view version_id) {
  const auto parts = leading_numbers(version_id, 1);
  if (parts.empty()) return std::nullopt;
  return HostEcosystem{std::string(prefix) + std::string(parts[0]), VersionScheme::rpm};
}

std::optional<HostEcosystem> ubuntu(std::string_view version_id) {
  const auto parts = leading_numbers(version_id, 2);
  if (parts.empty()) return std::nullopt;
  std::string ecosystem = "Ubuntu:" + std::string(parts[0]) + "." + std::string(parts[1]);
  const bool lts = parts[1] == "04" && (parts[0].back() - '0') % 2 == 0;
  if (lts) ecosystem += ":LTS";
  return HostEcosystem{std::move(ecosystem), VersionScheme::dpkg};
}

std::optional<HostEcosystem> suse(std::string_view product, std::string_view version_id) {
  const auto major = leading_numbers(version_id, 1);
  if (major.empty()) return std::nullopt;
  std::string ecosystem = "SUSE:Linux Enterprise " + std::string(product) + " " +
                          std::string(major[0]);
  if (const auto both = leading_numbers(version_id, 2); !both.empty() && both[1] != "0") {
    ecosystem += " SP" + std::string(both[1]);
  }
  return HostEcosystem{std::move(ecosystem), VersionScheme::rpm};
}

}  // namespace

std::optional<HostEcosystem> ecosystem_of(std::string_view id,
                                          const std::vector<std::string>& id_like,
                                          std::string_view version_id) {
  if (id == "debian") {
    const auto parts = leading_numbers(version_id, 1);
    if (parts.empty()) return std::nullopt;
    return HostEcosystem{"Debian:" + std::string(parts[0]), VersionScheme::dpkg};
  }
  if (id == "ubuntu") return ubuntu(version_id);
  if (id == "alpine") {
    const auto parts = leading_numbers(version_id, 2);
    if (parts.empty()) return std::nullopt;
    return HostEcosystem{"Alpine:v" + std::string(parts[0]) + "." + std::string(parts[1]),
                         VersionScheme::apk};
  }
  if (id == "rocky") return with_major("Rocky Linux:", version_id);
  if (id == "almalinux") return with_major("AlmaLinux:", version_id);
  if (id == "sles") return suse("Server", version_id);
  if (id == "sled") return suse("Desktop", version_id);
  if (id == "opensuse-leap") {
    if (leading_numbers(version_id, 2).empty()) return std::nullopt;
    return HostEcosystem{"openSUSE:Leap " + std::string(version_id), VersionScheme::rpm};
  }
  if (id == "opensuse-tumbleweed") return HostEcosystem{"openSUSE:Tumbleweed", VersionScheme::rpm};
  const bool rhel_like = std::find(id_like.begin(), id_like.end(), "rhel") != id_like.end();
  if (id == "rhel" || id == "centos" || rhel_like) {
    // From RHEL 10 on, Red Hat scopes its records to the minor release ("…:10.0").
    const auto both = leading_numbers(version_id, 2);
    if (!both.empty() && number_of(both[0]) >= 10) {
      return HostEcosystem{"Red Hat:enterprise_linux:" + std::string(both[0]) + "." +
                               std::string(both[1]),
                           VersionScheme::rpm};
    }
    return with_major("Red Hat:enterprise_linux:", version_id);
  }
  return std::nullopt;
}

std::optional<VersionScheme> scheme_of(std::string_view ecosystem) {
  const std::string_view family = ecosystem.substr(0, ecosystem.find(':'));
  static constexpr std::array<std::pair<std::string_view, VersionScheme>, 8> kFamilies{{
      {"Debian", VersionScheme::dpkg},
      {"Ubuntu", VersionScheme::dpkg},
      {"Alpine", VersionScheme::apk},
      {"Red Hat", VersionScheme::rpm},
      {"Rocky Linux", VersionScheme::rpm},
      {"AlmaLinux", VersionScheme::rpm},
      {"SUSE", VersionScheme::rpm},
      {"openSUSE", VersionScheme::rpm},
  }};
  for (const auto& [name, scheme] : kFamilies) {
    if (family == name) return scheme;
  }
  return std::nullopt;
}

std::string_view index_key(std::string_view ecosystem) {
  if (!ecosystem.starts_with("Red Hat:")) return ecosystem;
  return ecosystem.substr(0, ecosystem.find("::"));
}

}  // namespace zt::vuln
