#include "schema-client/model/machine_identity.hpp"

#include "schema-client/model/json_reader.hpp"
#include "schema-client/model/uuid.hpp"

namespace zt::model {

nlohmann::json to_json(const MachineIdentity& identity) {
  nlohmann::json out = nlohmann::json::object();
  if (!identity.machine_id.empty()) out["machine_id"] = identity.machine_id;
  if (identity.hardware_uuid) out["hardware_uuid"] = *identity.hardware_uuid;
  if (identity.boot_id) out["boot_id"] = *identity.boot_id;
  return out;
}

namespace {

// A string of 1 to `max` characters, or nullopt with the problem recorded.
std::optional<std::string> bounded_text(ObjectReader& r, std::string_view key, std::size_t max) {
  const nlohmann::json* v = r.get(key, false);
  if (v == nullptr) return std::nullopt;
  if (v->is_string() && !v->get_ref<const std::string&>().empty() &&
      v->get_ref<const std::string&>().size() <= max)
    return v->get<std::string>();
  r.fail(r.path_of(key), "expected a string of 1 to " + std::to_string(max) + " characters");
  return std::nullopt;
}

}  // namespace

MachineIdentity machine_identity_from_json(const nlohmann::json& value, const std::string& path,
                                           std::vector<Problem>& problems) {
  ObjectReader r(value, path, problems, {"machine_id", "hardware_uuid", "boot_id"});
  MachineIdentity identity;
  identity.machine_id = bounded_text(r, "machine_id", kMaxMachineIdChars).value_or("");
  identity.hardware_uuid = bounded_text(r, "hardware_uuid", kMaxHardwareUuidChars);
  if (const nlohmann::json* boot = r.get("boot_id", false)) {
    if (boot->is_string() && is_uuid(boot->get_ref<const std::string&>()))
      identity.boot_id = boot->get<std::string>();
    else
      r.fail(r.path_of("boot_id"), "expected a lower-case UUID");
  }
  return identity;
}

}  // namespace zt::model
