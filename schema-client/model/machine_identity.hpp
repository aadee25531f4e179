#pragma once
// The machine's identity as the agent sends it when it enrolls (enrollment.hpp) and with every
// heartbeat (heartbeat.hpp), so the ingest can give a re-installed agent its agent back, flag
// a cloned image, and tell when one api key runs on two machines:
//   {"machine_id": the systemd machine id, "hardware_uuid": the firmware's product UUID,
//    "boot_id": the kernel's boot id (heartbeats)}
// each left out when unknown. transport/machine_identity.hpp reads it from the host's files;
// pg/fleet.hpp stores it. Pure; any thread.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "schema-client/model/result.hpp"

namespace zt::model {

struct MachineIdentity {
  std::string machine_id;  // the agent sends 32 lower-case hex digits; "" when unknown
  std::optional<std::string> hardware_uuid = {};  // the agent sends lower-case 8-4-4-4-12
  std::optional<std::string> boot_id = {};        // a lower-case UUID

  bool empty() const { return machine_id.empty() && !hardware_uuid && !boot_id; }
  bool operator==(const MachineIdentity&) const = default;
};

// The limits the reader holds the values to: the columns' (agents.machine_id,
// agents.hardware_uuid).
inline constexpr std::size_t kMaxMachineIdChars = 128;
inline constexpr std::size_t kMaxHardwareUuidChars = 64;

// The object above, the unknown values left out.
nlohmann::json to_json(const MachineIdentity& identity);

// Reads the object at `path` ("$.identity"), strictly: unknown keys, values that are not
// strings, empty or longer than their column, and a boot id that is not a lower-case UUID are
// problems, each named by its path.
MachineIdentity machine_identity_from_json(const nlohmann::json& value, const std::string& path,
                                           std::vector<Problem>& problems);

}  // namespace zt::model
