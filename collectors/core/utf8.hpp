#pragma once
// Host files may hold any bytes (a Latin-1 GECOS field, a corrupt sudoers), but findings and
// the inventory are JSON, whose strings must be UTF-8: these replace every invalid sequence
// with U+FFFD. The agent's CollectorRunner repairs every result this way, once, so a
// collector copies the host's bytes as it reads them. Pure; never throw.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "collectors/core/collector.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::collector {

// RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);
// `text` with every invalid sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view text);
// Every string (and object key) in `value`, recursively.
void make_valid_utf8(nlohmann::json& value);
void make_valid_utf8(model::Finding& finding);
// Every string of the findings, dependencies, inventory and problems.
void make_valid_utf8(CollectResult& result);

}  // namespace zt::collector
