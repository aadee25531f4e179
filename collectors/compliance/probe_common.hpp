#pragma once
// What the probe files share: building outcomes and evidence, and walking a config file's
// lines ('#' comments and blank lines skipped). Pure.
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "collectors/compliance/result.hpp"

namespace zt::compliance {

// A line of a config file: its 1-based number and its text without leading and trailing
// blanks. Blank lines and lines starting with '#' (or `also_comment`) are not given.
struct ConfLine {
  std::size_t number = 0;
  std::string_view text;
};
std::vector<ConfLine> conf_lines(std::string_view text, char also_comment = '#');

Outcome outcome(Status status, Evidence evidence);
// The outcome of several results that must all hold (glob matches, several reasons): fail if
// one fails, else error if one errors, else pass; the evidence of those that decided.
Outcome all_of(std::vector<Outcome> parts);

}  // namespace zt::compliance
