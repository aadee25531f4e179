#pragma once
// The host as the probes see it during one run: every file read through HostFs once and kept,
// and what several probes share (accounts, sshd's effective configuration, installed
// packages) read on first use. Never throws: what cannot be read is a value saying why.
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/host_fs.hpp"
#include "collectors/readers/accounts.hpp"
#include "collectors/readers/sshd_config.hpp"

namespace zt::compliance {

struct FileText {
  enum class State { ok, missing, error };
  State state = State::missing;
  std::string text;   // ok
  std::string error;  // error: why it could not be read
};

struct Accounts {
  std::optional<readers::Parsed<readers::PasswdEntry>> passwd;
  std::optional<readers::Parsed<readers::ShadowEntry>> shadow;
  std::optional<readers::Parsed<readers::GroupEntry>> group;
  std::vector<std::string> errors;  // files that exist and could not be read
};

struct Packages {
  std::optional<std::set<std::string, std::less<>>> names;  // nullopt: no database read
  std::string source;                                      // host path of the database
  std::string error;                                       // why names is nullopt
};

struct Sshd {
  std::optional<readers::SshdConfig> config;  // nullopt: no sshd_config (defaults apply)
  std::vector<std::string> errors;
};

class HostView {
 public:
  explicit HostView(const collector::HostFs& fs) : fs_(fs) {}

  const collector::HostFs& fs() const { return fs_; }
  // Whether the host is the one the agent runs on (root "/"): /proc is the host's.
  bool live() const;

  const FileText& read(const std::string& path);
  // The paths a pattern matches, sorted; a path without a wildcard is given as is.
  std::vector<std::string> glob(std::string_view pattern) const;
  // The `suffix` files of `dirs` merged by name as systemd does (the first folder holding a
  // name wins), in name order.
  std::vector<std::string> merged_conf_files(std::span<const std::string_view> dirs,
                                             std::string_view suffix) const;

  const Accounts& accounts();
  const Sshd& sshd();
  const Packages& packages();

 private:
  const collector::HostFs& fs_;
  std::map<std::string, FileText, std::less<>> files_;
  std::optional<Accounts> accounts_;
  std::optional<Sshd> sshd_;
  std::optional<Packages> packages_;
};

}  // namespace zt::compliance
