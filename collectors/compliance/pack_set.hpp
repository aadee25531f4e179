#pragma once
// The packs a run uses: every *.yaml and *.yml of the pack folders (agent-side paths, read
// with the agent's own file system, not under the host root), in folder then name order,
// kept when `selected` names them (or is empty). A pack that does not load, an id loaded
// twice and a selected id no folder has are errors; the other packs still load.
#include <string>
#include <vector>

#include "collectors/compliance/pack.hpp"

namespace zt::compliance {

struct PackSet {
  std::vector<Pack> packs;
  std::vector<std::string> errors;
};

PackSet load_pack_set(const std::vector<std::string>& dirs,
                      const std::vector<std::string>& selected);

}  // namespace zt::compliance
