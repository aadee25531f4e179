#pragma once
// Alpine package versions, ordered exactly as apk-tools 3 orders them (src/version.c,
// apk_version_compare and apk_version_validate).
//
// A version is digits{.digits}[letter]{_suffix[digits]}[~hash][-rN], read as a row of tokens:
// - the first number, then each '.'-number, compared as numbers; but a '.'-number with a
//   leading zero on either side compares as text ("1.01" < "1.1", "1.0" < "1.00");
// - one lowercase letter after the numbers ("1.0a" > "1.0");
// - suffixes, in this order: _alpha < _beta < _pre < _rc < (no suffix) < _cvs < _svn < _git
//   < _hg < _p, each with an optional number;
// - a commit hash ("~" and lowercase hex digits), compared as text;
// - the package release "-rN", compared as a number.
// Tokens are compared pairwise while both sides have a token of the same kind. Where the
// kinds differ, a pre-release suffix sorts first; otherwise the side whose token comes
// earlier in the list above is the greater, the end of the version coming after the list and
// an invalid token last ("1.0_rc1" < "1.0" < "1.0-r1" < "1.0_p1" < "1.0a").
// Numbers are read into 64 bits and wrap past 18446744073709551615, as apk reads them.
// apk-tools 2 (Alpine up to 3.22) agrees on every published vector but differs elsewhere: it
// has no hash token, lets digits follow the letter, ranks a '.'-number with leading zeros by
// its count of zeros ("1.0" > "1.00") and reads numbers into an int.
//
// Invalid versions (apk_version_validate: empty, not starting with a digit, a byte or a token
// out of place, an unknown suffix) are compared as apk compares them, never refused: the
// tokens before the first thing apk cannot read compare as usual, and there the invalid side
// sorts as an invalid token does: after a pre-release suffix, before everything else
// ("1.0_alpha" < "1.0!" < "1.0"); two sides invalid at the same point are equal
// ("abc" == "xyz", "1.0!" == "1.0#"). A caller that must tell them apart checks is_valid_apk.
//
// Errors: none; never throws, never allocates. Threads: pure; safe from any thread.
#include <string_view>

namespace zt::vuln {

// <0 when a sorts before b, 0 when apk holds them equal, >0 when a sorts after b.
int compare_apk(std::string_view a, std::string_view b);

// Whether apk accepts `version` (apk_version_validate).
bool is_valid_apk(std::string_view version);

}  // namespace zt::vuln
