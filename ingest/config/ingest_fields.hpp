#pragma once
// The ingest's configuration keys, one table per section of the file (config::Field: each key
// with its help text, whether an environment variable overrides it, and its setter, which
// parses and validates). The loader's walk, the "known keys" of its errors, the environment
// override and documented_ingest_keys() all come from these tables. Internal to
// zt_ingest_config.
#include <span>
#include <string_view>

#include "ingest/config/ingest_config.hpp"
#include "schema-client/config/field.hpp"

namespace zt::ingest {

// The sections of the file, in the order conf/ingest.yaml documents them.
inline constexpr std::string_view kSectionNames[] = {"listen", "tls",       "database",
                                                     "limits", "retention", "server",
                                                     "log"};

// The keys of one of kSectionNames (none for any other name).
std::span<const config::Field<IngestConfig>> section_fields(std::string_view section);

}  // namespace zt::ingest
