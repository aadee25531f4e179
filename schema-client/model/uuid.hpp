#pragma once
// Random (version 4) UUIDs, and the check that a string is one, in canonical lower-case form.
#include <string>
#include <string_view>

namespace zt::model {

std::string new_uuid();
bool is_uuid(std::string_view text);

}  // namespace zt::model
