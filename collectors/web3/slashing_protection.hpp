#pragma once
// Where the slashing protection of a validator keystore is: a validator client's database or
// an EIP-3076 interchange file (names: host_paths.hpp) in the keystore's folder, its parent or
// its grandparent, through HostFs. Its host path, or nothing (a folder that cannot be listed
// counts as holding none). Never throws.
#include <optional>
#include <string>
#include <string_view>

#include "collectors/core/host_fs.hpp"

namespace zt::web3 {

std::optional<std::string> find_slashing_protection(const collector::HostFs& fs,
                                                    std::string_view keystore_path);

// Is this file or folder name one of a slashing protection store.
bool is_slashing_protection_name(std::string_view name);

}  // namespace zt::web3
