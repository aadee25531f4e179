#pragma once
// The one table of probe types: each type's arguments (name, kind, required, allowed words),
// which the pack loader checks a probe against, and the function that evaluates it.
#include <span>
#include <string>
#include <string_view>

#include "collectors/compliance/host_view.hpp"
#include "collectors/compliance/pack.hpp"
#include "collectors/compliance/result.hpp"

namespace zt::compliance {

enum class ArgKind { text, flag, regex, expect, list, mode };

struct ArgSpec {
  std::string_view name;
  ArgKind kind = ArgKind::text;
  bool required = false;
  std::span<const std::string_view> choices = {};  // text: the allowed words, when any
};

struct ProbeSpec {
  std::string_view type;
  std::span<const ArgSpec> args;
  Outcome (*evaluate)(const Probe& probe, HostView& host);
  // A rule across arguments: "" when the probe is well formed, else the problem.
  std::string (*check)(const Probe& probe) = nullptr;
};

std::span<const ProbeSpec> probe_specs();
const ProbeSpec* find_probe_spec(std::string_view type);

}  // namespace zt::compliance
