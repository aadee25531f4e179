#include "collectors/compliance/host_view.hpp"

#include <algorithm>

#include "collectors/compliance/host_paths.hpp"
#include "collectors/readers/apk_installed.hpp"
#include "collectors/readers/dpkg_status.hpp"
#include "collectors/readers/host_glob.hpp"
#include "collectors/readers/host_paths.hpp"
#include "collectors/readers/rpm_packages.hpp"
#include "collectors/readers/sshd_host.hpp"

namespace zt::compliance {
namespace {

// The package database is as big as the host makes it; the system collector's default cap.
constexpr std::size_t kPackageDbMaxBytes = std::size_t{256} << 20;

// "libc6:amd64" → "libc6": a package probe names the package, not its architecture.
std::string without_arch(std::string name) {
  if (const auto colon = name.find(':'); colon != std::string::npos) name.resize(colon);
  return name;
}

}  // namespace

bool HostView::live() const { return fs_.root() == "/"; }

const FileText& HostView::read(const std::string& path) {
  if (auto it = files_.find(path); it != files_.end()) return it->second;
  FileText file;
  if (auto text = fs_.read_file(path, kFileMaxBytes)) {
    file.state = FileText::State::ok;
    file.text = std::move(*text);
  } else if (!fs_.is_missing(path)) {
    file.state = FileText::State::error;
    file.error = "cannot read " + text.error().message;
  }
  return files_.emplace(path, std::move(file)).first->second;
}

std::vector<std::string> HostView::glob(std::string_view pattern) const {
  if (pattern.find_first_of("*?[") == std::string_view::npos) return {std::string(pattern)};
  return readers::glob_host(fs_, pattern, kMaxGlobMatches);
}

std::vector<std::string> HostView::merged_conf_files(std::span<const std::string_view> dirs,
                                                     std::string_view suffix) const {
  std::map<std::string, std::string> by_name;
  for (std::string_view dir : dirs) {
    auto names = fs_.list_dir(dir);
    if (!names) continue;
    for (const std::string& name : *names)
      if (name.ends_with(suffix) && !by_name.contains(name))
        by_name.emplace(name, std::string(dir) + "/" + name);
  }
  std::vector<std::string> paths;
  for (auto& [name, path] : by_name) paths.push_back(std::move(path));
  return paths;
}

const Accounts& HostView::accounts() {
  if (accounts_) return *accounts_;
  Accounts a;
  const auto load = [&](std::string_view path, auto parse, auto& into) {
    const FileText& file = read(std::string(path));
    if (file.state == FileText::State::ok) into = parse(file.text);
    if (file.state == FileText::State::error) a.errors.push_back(file.error);
  };
  load(readers::kPasswdPath, readers::parse_passwd, a.passwd);
  load(readers::kShadowPath, readers::parse_shadow, a.shadow);
  load(readers::kGroupPath, readers::parse_group, a.group);
  accounts_ = std::move(a);
  return *accounts_;
}

const Sshd& HostView::sshd() {
  if (sshd_) return *sshd_;
  Sshd s;
  s.config = readers::read_host_sshd_config(fs_, s.errors);
  sshd_ = std::move(s);
  return *sshd_;
}

const Packages& HostView::packages() {
  if (packages_) return *packages_;
  Packages p;
  std::set<std::string, std::less<>> names;
  std::vector<std::string> problems;
  if (!fs_.is_missing(readers::kDpkgStatusPath)) {
    p.source = std::string(readers::kDpkgStatusPath);
    const FileText& file = read(p.source);
    if (file.state == FileText::State::ok) {
      for (readers::DpkgPackage& d : readers::installed_packages(readers::parse_dpkg_status(file.text)))
        names.insert(without_arch(std::move(d.name)));
      p.names = std::move(names);
    } else {
      p.error = file.error;
    }
  } else if (!fs_.is_missing(readers::kApkInstalledPath)) {
    p.source = std::string(readers::kApkInstalledPath);
    const FileText& file = read(p.source);
    if (file.state == FileText::State::ok) {
      for (readers::ApkPackage& a : readers::parse_apk_installed(file.text).packages)
        names.insert(std::move(a.name));
      p.names = std::move(names);
    } else {
      p.error = file.error;
    }
  } else if (const auto location = readers::find_rpm_database(fs_)) {
    p.source = std::string(location->path);
    if (auto database = readers::read_rpm_packages(fs_, kPackageDbMaxBytes, problems)) {
      for (readers::RpmPackage& r : database->packages) names.insert(std::move(r.name));
      p.names = std::move(names);
    } else {
      p.error = problems.empty() ? "cannot read " + p.source : problems.front();
    }
  } else {
    p.error = "no package database (dpkg, apk or rpm) on the host";
  }
  packages_ = std::move(p);
  return *packages_;
}

}  // namespace zt::compliance
