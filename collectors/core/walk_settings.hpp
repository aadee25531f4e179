#pragma once
// A content collector's part of the shared walk as its config section gives it: the same keys,
// defaults and limits for every content collector (privacy, web3), so that a shared walk
// (content_collector.hpp) merges like with like. A collector's options struct derives from
// WalkSettings, and its options table takes walk_option_rows<Options>() with its own rows.
#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "collectors/core/content_walk.hpp"
#include "collectors/core/option_table.hpp"

namespace zt::collector {

struct WalkSettings {
  std::vector<std::string> roots{"/home", "/root", "/etc", "/opt", "/srv", "/var/www", "/tmp"};
  std::vector<std::string> exclude{"*/.cache", "*/node_modules", "*/.git/objects",
                                   "/var/lib/docker", "/var/lib/containerd"};
  bool cross_filesystems = false;
  std::size_t max_files = 200000;
  std::size_t max_megabytes = 512;
  int max_depth = 24;
  std::chrono::seconds max_seconds{240};  // under the default timeout (5m): the walk stops itself
  std::size_t head_kilobytes = 1024;

  WalkOptions walk_options() const;
  // The same, with no roots when `scan_files` is off: a collector whose file part is off.
  WalkOptions walk_options(bool scan_files) const;
  friend bool operator==(const WalkSettings&, const WalkSettings&) = default;
};

// The rows of WalkSettings' keys (walk_settings.cpp).
const std::vector<OptionRow<WalkSettings>>& walk_setting_rows();
inline constexpr std::size_t kWalkSettingRows = 8;

namespace detail {

template <typename Options, std::size_t I>
void store_walk_setting(Options& options, const OptionSpec& spec, const nlohmann::json& value) {
  walk_setting_rows()[I].store(options, spec, value);
}

template <typename Options, std::size_t... I>
std::vector<OptionRow<Options>> walk_rows_of(std::index_sequence<I...>) {
  return {OptionRow<Options>{walk_setting_rows()[I].spec, &store_walk_setting<Options, I>}...};
}

}  // namespace detail

// WalkSettings' rows for the options table of `Options`, a struct derived from WalkSettings.
template <typename Options>
std::vector<OptionRow<Options>> walk_option_rows() {
  static_assert(std::is_base_of_v<WalkSettings, Options>);
  return detail::walk_rows_of<Options>(std::make_index_sequence<kWalkSettingRows>{});
}

// The options table of a content collector: its own rows, then WalkSettings' rows.
template <typename Options>
OptionTable<Options> table_with_walk_rows(std::vector<OptionRow<Options>> rows) {
  std::vector<OptionRow<Options>> walk = walk_option_rows<Options>();
  rows.insert(rows.end(), walk.begin(), walk.end());
  return OptionTable<Options>(std::move(rows));
}

}  // namespace zt::collector
