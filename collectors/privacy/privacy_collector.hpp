#pragma once
// The `privacy` collector: secrets and personal data left in files on the host (their types:
// finding_types.hpp). It is a content collector (collectors/core/content_collector.hpp): it
// does not walk on its own but subscribes one detector (secret_detector.hpp) to the agent's
// shared walk of the host's files, bounded by its options (roots, exclusions, a budget of
// files, bytes, depth and time); a walk cut by its budget resumes at the next run. A secret's
// value never leaves the host: findings carry its type, a masked prefix and a salted hash
// (core/secret_evidence.hpp, core/host_salt.hpp). Files it cannot read are counted and the
// first few named in the problems; nothing it reads makes collect() throw.
#include "collectors/core/collector.hpp"

namespace zt::privacy {

collector::CollectorDescriptor descriptor();

}  // namespace zt::privacy
