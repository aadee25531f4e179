#pragma once
// Cisco ASA `show running-config` text into the typed model of asa_model.hpp. Line oriented:
// the commands the checks read are global (column 0); indented lines and the rest are
// ignored. Nothing in the text makes it fail. Pure: no I/O, no throw, linear in the text's
// size.
#include <string_view>

#include "collectors/netconfig/asa_model.hpp"

namespace zt::netconfig {

AsaConfig parse_asa(std::string_view text);

}  // namespace zt::netconfig
