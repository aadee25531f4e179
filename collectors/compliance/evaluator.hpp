#pragma once
// Evaluating packs (PACKS.md, "Results"): the platform from os-release, applies_if, the
// combinators all / any / none over the probes, manual controls.
#include <optional>
#include <string>
#include <vector>

#include "collectors/compliance/host_view.hpp"
#include "collectors/compliance/pack.hpp"
#include "collectors/compliance/result.hpp"
#include "collectors/core/os_release.hpp"

namespace zt::compliance {

struct ControlResult {
  const Pack* pack = nullptr;
  const Control* control = nullptr;
  Outcome outcome;
};

Outcome evaluate(const Check& check, HostView& host);

// Whether the pack applies to the host: any platform entry matches ID and VERSION_ID (exact,
// or a prefix when it ends in "."); a pack without platform applies everywhere.
bool platform_matches(const Pack& pack, const std::optional<collector::OsRelease>& os);

// Whether the control is in one of `profiles` (all when empty; a control without profiles is
// in every one).
bool in_profiles(const Control& control, const std::vector<std::string>& profiles);

// One result per control of the selected profiles.
std::vector<ControlResult> evaluate_pack(const Pack& pack,
                                         const std::optional<collector::OsRelease>& os,
                                         const std::vector<std::string>& profiles,
                                         HostView& host);

}  // namespace zt::compliance
