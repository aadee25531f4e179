#pragma once
// The content walk's cursor kept in <state_dir>/walk.cursor, so that an agent restarted in the
// middle of a long walk of the host's files (privacy, web3, ai_ml) resumes where it stopped
// instead of walking the start again and never reaching the end. The file names the host root
// it is for; another root's cursor is not used. It is written whole (a temporary file renamed
// over it) and readable by its owner only: it names a host path. A file that cannot be read
// or written only costs the resumption (the walk starts over), with a warning.
#include <filesystem>

#include "collectors/core/content_collector.hpp"

namespace zt::agent {

collector::ContentWalkHub::CursorStore walk_cursor_store(std::filesystem::path state_dir,
                                                         std::filesystem::path host_root);

}  // namespace zt::agent
