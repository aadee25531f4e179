#pragma once
// Random version pairs for the oracle test. The alphabets are small, so that pairs often share
// a prefix and meet every rule: epochs, '~', '^', '+', '.', letters of both cases, leading
// zeros, empty revisions, long numbers. Half of the pairs are a version and a small edit of it.
// No text holds a tab, a newline or a NUL: the pairs travel as "a<TAB>b" lines.
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace zt::test {

using VersionPair = std::pair<std::string, std::string>;

// ZT_VERSION_SEED when it is set, else a fresh seed.
std::uint64_t version_seed();

// Versions Dpkg::Version (libdpkg-perl) accepts: [epoch:]upstream[-revision], the upstream
// starting with a digit, bytes from [A-Za-z0-9.+~:-] only, numbers of 19 digits at most (perl
// compares longer ones as doubles, dpkg exactly).
std::vector<VersionPair> dpkg_pairs(std::mt19937_64& rng, std::size_t count);

// Versions only dpkg itself answers for, with a warning or an error: an upstream version that
// starts with a letter, bytes outside that set (including 0x80 and more), blanks around,
// numbers of up to 30 digits, epochs such as "+1", "-0", "00" or one above 2^31.
std::vector<VersionPair> dpkg_only_pairs(std::mt19937_64& rng, std::size_t count);

// rpm EVRs: [epoch:]version[-release] of digits, letters, '~', '^', separators and bytes of
// 0x80 and more, numbers of up to 30 digits; now and then an empty text, which rpm refuses.
std::vector<VersionPair> rpm_pairs(std::mt19937_64& rng, std::size_t count);

}  // namespace zt::test
