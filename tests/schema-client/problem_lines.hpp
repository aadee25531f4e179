#pragma once
// A refused document's problems as "path: message" lines, in the reader's order, for exact
// comparisons; empty when the document was accepted.
#include <string>
#include <vector>

#include "schema-client/model/result.hpp"

namespace zt::testing {

using Lines = std::vector<std::string>;

template <typename T>
Lines problem_lines(const model::Result<T>& result) {
  Lines lines;
  if (result.ok()) return lines;
  for (const model::Problem& problem : result.error().problems)
    lines.push_back(model::to_string(problem));
  return lines;
}

}  // namespace zt::testing
