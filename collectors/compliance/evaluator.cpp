#include "collectors/compliance/evaluator.hpp"

#include <algorithm>

#include "collectors/compliance/probe_specs.hpp"

namespace zt::compliance {
namespace {

// Keeps the evidence of the children whose status is `decided`.
Outcome decided_by(Status status, std::vector<Outcome>& children, Status decided) {
  Outcome out{status, {}};
  for (Outcome& c : children)
    if (c.status == decided)
      for (Evidence& e : c.evidence) out.evidence.push_back(std::move(e));
  return out;
}

bool any_is(const std::vector<Outcome>& children, Status status) {
  return std::any_of(children.begin(), children.end(),
                     [&](const Outcome& o) { return o.status == status; });
}

}  // namespace

Outcome evaluate(const Check& check, HostView& host) {
  if (check.kind == Check::Kind::probe)
    return find_probe_spec(check.probe.type)->evaluate(check.probe, host);
  std::vector<Outcome> children;
  for (const Check& child : check.children) children.push_back(evaluate(child, host));
  switch (check.kind) {
    case Check::Kind::all:
      if (any_is(children, Status::fail)) return decided_by(Status::fail, children, Status::fail);
      if (any_is(children, Status::error)) return decided_by(Status::error, children, Status::error);
      return decided_by(Status::pass, children, Status::pass);
    case Check::Kind::any:
      if (any_is(children, Status::pass)) return decided_by(Status::pass, children, Status::pass);
      if (any_is(children, Status::error)) return decided_by(Status::error, children, Status::error);
      return decided_by(Status::fail, children, Status::fail);
    case Check::Kind::none:
      if (any_is(children, Status::pass)) return decided_by(Status::fail, children, Status::pass);
      if (any_is(children, Status::error)) return decided_by(Status::error, children, Status::error);
      return decided_by(Status::pass, children, Status::fail);
    case Check::Kind::probe: break;
  }
  return {Status::error, {}};
}

bool platform_matches(const Pack& pack, const std::optional<collector::OsRelease>& os) {
  if (pack.platform.empty()) return true;
  if (!os) return false;
  return std::any_of(pack.platform.begin(), pack.platform.end(), [&](const Platform& p) {
    if (p.id != os->id) return false;
    if (p.version_id.empty()) return true;
    if (p.version_id.ends_with('.')) return os->version_id.starts_with(p.version_id);
    return os->version_id == p.version_id;
  });
}

bool in_profiles(const Control& control, const std::vector<std::string>& profiles) {
  if (profiles.empty() || control.profiles.empty()) return true;
  return std::any_of(control.profiles.begin(), control.profiles.end(), [&](const std::string& p) {
    return std::find(profiles.begin(), profiles.end(), p) != profiles.end();
  });
}

std::vector<ControlResult> evaluate_pack(const Pack& pack,
                                         const std::optional<collector::OsRelease>& os,
                                         const std::vector<std::string>& profiles,
                                         HostView& host) {
  const bool applies = platform_matches(pack, os);
  const std::string platform = os ? os->id + " " + os->version_id : "unknown (no os-release)";
  std::string wanted;
  for (const Platform& p : pack.platform)
    wanted += (wanted.empty() ? "" : " or ") + p.id + (p.version_id.empty() ? "" : " " + p.version_id);
  std::vector<ControlResult> results;
  for (const Control& control : pack.controls) {
    if (!in_profiles(control, profiles)) continue;
    ControlResult r{&pack, &control, {}};
    if (!applies) {
      r.outcome = {Status::not_applicable,
                   {{"platform", "", 0, platform, wanted}}};
    } else if (!control.check) {
      r.outcome = {Status::manual, {{"manual", "", 0, control.manual, ""}}};
    } else if (control.applies_if &&
               (r.outcome = evaluate(*control.applies_if, host)).status != Status::pass) {
      r.outcome.status = Status::not_applicable;
    } else {
      r.outcome = evaluate(*control.check, host);
    }
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace zt::compliance
