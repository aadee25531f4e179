#include "agent/collector_set.hpp"

namespace zt::agent {

std::vector<CollectorEntry> make_collectors(
    std::span<const collector::CollectorDescriptor> descriptors, const AgentConfig& config,
    const collector::HostFs& fs, const std::vector<CollectorEntry>& previous) {
  std::vector<CollectorEntry> entries;
  for (const collector::CollectorDescriptor& descriptor : descriptors) {
    const CollectorConfig& settings = config.collectors.at(std::string(descriptor.name));
    CollectorEntry entry;
    entry.slot = std::make_shared<CollectorSlot>();
    entry.slot->descriptor = &descriptor;
    entry.slot->timeout = settings.timeout;
    for (const CollectorEntry& old : previous)
      if (old.name() == descriptor.name) entry.slot->busy = old.slot->busy;
    entry.enabled = settings.enabled;
    entry.interval = settings.interval;
    try {
      entry.slot->instance = descriptor.make(settings.options);
      entry.availability = entry.slot->instance->capabilities(fs);
    } catch (const std::exception& e) {
      entry.availability = {false, std::string("could not be set up: ") + e.what()};
    }
    if (!entry.slot->instance && entry.availability.usable)
      entry.availability = {false, "could not be set up"};
    entries.push_back(std::move(entry));
  }
  return entries;
}

nlohmann::json collectors_json(const std::vector<CollectorEntry>& collectors) {
  nlohmann::json out = nlohmann::json::object();
  for (const CollectorEntry& c : collectors)
    out[std::string(c.name())] = {{"available", c.availability.usable},
                                  {"enabled", c.enabled},
                                  {"category", model::to_string(c.slot->descriptor->category)},
                                  {"interval_seconds", c.interval.count()},
                                  {"reason", c.availability.reason}};
  return out;
}

}  // namespace zt::agent
