#pragma once
// What evaluating a check gives: a status and the evidence that decided it (PACKS.md,
// "Results"). No secret is ever put in an evidence item.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zt::compliance {

enum class Status { pass, fail, not_applicable, error, manual };
std::string_view to_string(Status status);

struct Evidence {
  std::string probe;
  std::string path;  // host path read; "" when the probe read no file
  std::size_t line = 0;  // 0: no line
  std::string observed;
  std::string expected;

  bool operator==(const Evidence&) const = default;
};

struct Outcome {
  Status status = Status::pass;
  std::vector<Evidence> evidence;
};

}  // namespace zt::compliance
