#include "collectors/core/walk_settings.hpp"

namespace zt::collector {

const std::vector<OptionRow<WalkSettings>>& walk_setting_rows() {
  using W = WalkSettings;
  static const std::vector<OptionRow<W>> kRows = {
      text_list<&W::roots>("roots", "host folders walked"),
      text_list<&W::exclude>(
          "exclude", "host paths or globs (\"*\" crosses \"/\") not walked: a folder's whole tree"),
      flag<&W::cross_filesystems>(
          "cross_filesystems",
          "walk into other filesystems mounted under a root (never proc, sysfs, network or FUSE)"),
      integer<&W::max_files>("max_files", 1, 100000000,
                             "files examined per run; the next run resumes where it stopped"),
      integer<&W::max_megabytes>("max_megabytes", 1, 1000000, "MiB read per run"),
      integer<&W::max_depth>("max_depth", 1, 256, "folders below a root"),
      integer<&W::max_seconds>("max_seconds", 1, 86400, "seconds of walking per run"),
      integer<&W::head_kilobytes>("head_kilobytes", 1, 65536,
                                  "KiB read from the start of each file; the rest is not read"),
  };
  return kRows;
}

WalkOptions WalkSettings::walk_options() const {
  WalkOptions walk;
  walk.roots = roots;
  walk.exclude = exclude;
  walk.cross_filesystems = cross_filesystems;
  walk.head_bytes = head_kilobytes * 1024;
  walk.budget.max_files = max_files;
  walk.budget.max_bytes = static_cast<std::uint64_t>(max_megabytes) << 20;
  walk.budget.max_depth = max_depth;
  walk.budget.max_time = max_seconds;
  return walk;
}

WalkOptions WalkSettings::walk_options(bool scan_files) const {
  WalkOptions walk = walk_options();
  if (!scan_files) walk.roots.clear();
  return walk;
}

}  // namespace zt::collector
