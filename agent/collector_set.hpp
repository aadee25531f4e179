#pragma once
// The agent's collectors: each built-in collector made from its configuration, with whether
// it is enabled and whether it can run on this host (its capabilities probe, which may not
// throw past here: a probe that fails makes the collector unavailable, with the reason).
#include <filesystem>
#include <nlohmann/json.hpp>
#include <span>
#include <vector>

#include "agent/collector_runner.hpp"
#include "agent/config/config.hpp"

namespace zt::agent {

struct CollectorEntry {
  std::shared_ptr<CollectorSlot> slot;
  bool enabled = true;
  std::chrono::seconds interval{3600};
  collector::Availability availability;

  std::string_view name() const { return slot->descriptor->name; }
};

// `previous` carries the busy flags of a running agent over a reload.
std::vector<CollectorEntry> make_collectors(
    std::span<const collector::CollectorDescriptor> descriptors, const AgentConfig& config,
    const collector::HostFs& fs, const std::vector<CollectorEntry>& previous = {});

// The `collectors` part of the agent's capabilities: available, enabled, reason.
nlohmann::json collectors_json(const std::vector<CollectorEntry>& collectors);

}  // namespace zt::agent
