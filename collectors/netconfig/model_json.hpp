#pragma once
// The typed IOS (EOS's too), Junos and ASA models as JSON, for config_files.parsed_data: every element with its line
// numbers; every secret (passwords, secrets, SNMP communities) only as its masked prefix and
// hash salted with `salt` (collectors/core/secret_evidence.hpp), never its value. ACL entries
// are listed with their text and line, not their decoded sets. Pure.
#include <nlohmann/json.hpp>
#include <string_view>

#include "collectors/netconfig/asa_model.hpp"
#include "collectors/netconfig/ios_model.hpp"
#include "collectors/netconfig/junos_model.hpp"

namespace zt::netconfig {

nlohmann::json to_json(const IosConfig& config, std::string_view salt);
nlohmann::json to_json(const JunosConfig& config, std::string_view salt);
nlohmann::json to_json(const AsaConfig& config, std::string_view salt);

}  // namespace zt::netconfig
