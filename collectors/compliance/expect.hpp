#pragma once
// `expect` (PACKS.md): whether an observed value satisfies it, and how evidence writes it.
// Numbers compare as numbers: a value written with a leading 0 ("0027") is octal.
#include <optional>
#include <string>
#include <string_view>

#include "collectors/compliance/pack.hpp"

namespace zt::compliance {

bool expect_holds(const Expect& expect, std::string_view observed);
// "equals 1", "in [yes, no]", "matches ^x$", "between 1 and 5", "min 8".
std::string describe(const Expect& expect);
// A decimal, or octal with a leading 0; nullopt for anything else.
std::optional<long long> parse_number(std::string_view text);

}  // namespace zt::compliance
