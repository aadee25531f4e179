// The Windows agent's collectors (builtin.hpp), in ZT_COLLECTORS's order: every built-in
// collector is listed, so a config names the same collectors on both platforms and a batch
// says what was not collected. system, network and auth are the Windows collectors of
// collectors/windows; every other one reads a Linux host (its /proc, /etc, package
// databases, sockets table), so on Windows it is "not available on Windows", with why.
// The Wine test (tests/windows) checks this list against ZT_COLLECTORS.
#include <array>

#include "collectors/builtin.hpp"
#include "collectors/windows/collectors.hpp"

namespace zt::collector {
namespace {

struct NotOnWindows {
  std::string_view name;
  model::Category category;
  std::chrono::seconds interval;
  std::string_view reason;
};

constexpr std::array<NotOnWindows, 9> kNotOnWindows{{
    {"container", model::Category::container, std::chrono::seconds{900},
     "not available on Windows: reads the Docker and containerd state of a Linux host"},
    {"database", model::Category::database, std::chrono::seconds{3600},
     "not available on Windows: finds database servers by the listening sockets of /proc/net"},
    {"compliance", model::Category::compliance, std::chrono::seconds{24 * 3600},
     "not available on Windows: its rule packs check Linux files and settings"},
    {"iot_ot", model::Category::iot_ot, std::chrono::seconds{3600},
     "not available on Windows: finds IoT/OT services by the listening sockets of /proc/net"},
    {"privacy", model::Category::privacy, std::chrono::seconds{86400},
     "not available on Windows: its detectors look for Linux paths and modes in the content walk"},
    {"web3", model::Category::web3, std::chrono::seconds{86400},
     "not available on Windows: its wallet and node paths are Linux paths"},
    {"api", model::Category::api, std::chrono::seconds{3600},
     "not available on Windows: finds API servers by the listening sockets of /proc/net"},
    {"ai_ml", model::Category::ai_ml, std::chrono::seconds{86400},
     "not available on Windows: its model, notebook and service paths are Linux paths"},
    {"netconfig", model::Category::config, std::chrono::seconds{3600},
     "not available on Windows: audits Linux network services' configuration files"},
}};

template <std::size_t I>
class Unavailable final : public Collector {
 public:
  Availability capabilities(const HostFs&) const override {
    return {.usable = false, .reason = std::string(kNotOnWindows[I].reason)};
  }
  CollectResult collect(Context&) override {
    CollectResult result;
    result.problems.emplace_back(kNotOnWindows[I].reason);
    return result;
  }
};

template <std::size_t I>
std::unique_ptr<Collector> make(const OptionValues&) {
  return std::make_unique<Unavailable<I>>();
}

template <std::size_t... I>
std::vector<CollectorDescriptor> descriptors(std::index_sequence<I...>) {
  return {windows::system_descriptor(), windows::network_descriptor(), windows::auth_descriptor(),
          CollectorDescriptor{.name = kNotOnWindows[I].name,
                              .category = kNotOnWindows[I].category,
                              .default_interval = kNotOnWindows[I].interval,
                              .summary = kNotOnWindows[I].reason,
                              .options = {},
                              .make = &make<I>}...};
}

}  // namespace

std::span<const CollectorDescriptor> builtin_collectors() {
  static const std::vector<CollectorDescriptor> kBuiltin =
      descriptors(std::make_index_sequence<kNotOnWindows.size()>());
  return kBuiltin;
}

}  // namespace zt::collector
