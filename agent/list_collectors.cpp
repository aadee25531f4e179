#include "agent/list_collectors.hpp"

#include <iomanip>

#include "agent/collector_set.hpp"
#include "transport/credentials.hpp"

namespace zt::agent {

void list_collectors(std::ostream& out, const AgentConfig& config,
                     std::span<const collector::CollectorDescriptor> descriptors) {
  const collector::HostFs fs(config.agent.host_root);
  const std::vector<CollectorEntry> collectors = make_collectors(descriptors, config, fs);
  out << std::left << std::setw(12) << "COLLECTOR" << std::setw(12) << "CATEGORY"
      << std::setw(10) << "ENABLED" << std::setw(11) << "USABLE" << "DETAILS\n";
  for (const CollectorEntry& c : collectors) {
    const auto& d = *c.slot->descriptor;
    out << std::setw(12) << d.name << std::setw(12) << model::to_string(d.category)
        << std::setw(10) << (c.enabled ? "yes" : "no") << std::setw(11)
        << (c.availability.usable ? "yes" : "no") << c.availability.reason << "\n";
    out << "            " << d.summary << " (every " << c.interval.count() << " s)\n";
    for (const collector::OptionSpec& option : d.options)
      out << "            option " << option.key << " (default " << collector::default_text(option)
          << "): " << option.help << "\n";
  }
  // The running daemon's state that an operator must act on (transport/credentials.hpp).
  if (const auto revoked = transport::read_revocation(config.agent.state_dir))
    out << "\nUPLOADS STOPPED: " << *revoked << "\n";
}

}  // namespace zt::agent
