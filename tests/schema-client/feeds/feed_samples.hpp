#pragma once
// The feed tests' shared helpers: a sample of data/ by its path there, and a reader's
// problems as "file: at: message" lines for exact comparisons.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/feeds/records.hpp"
#include "schema-client/model/timestamp.hpp"
#include "tests/support/temp_tree.hpp"

namespace zt::test {

inline std::filesystem::path feed_data(std::string_view relative = {}) {
  return std::filesystem::path(ZT_SOURCE_DIR) / "tests/schema-client/feeds/data" / relative;
}

inline std::string feed_sample(std::string_view relative) { return read_text(feed_data(relative)); }

inline std::vector<std::string> problem_lines(const std::vector<feeds::Problem>& problems) {
  std::vector<std::string> lines;
  for (const feeds::Problem& problem : problems) lines.push_back(feeds::to_string(problem));
  return lines;
}

template <typename Read>
std::vector<std::string> problem_lines(const Read& read) {
  return problem_lines(read.problems);
}

// "2022-03-25T20:56:18.000Z", or "-" for none, so times compare as text.
inline std::string when(const std::optional<model::Timestamp>& t) {
  return t ? model::format_timestamp(*t) : "-";
}

}  // namespace zt::test
