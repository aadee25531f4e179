#pragma once
// gunzip: decompresses a gzip body (RFC 1952; several members one after the other are
// allowed, as gzip itself writes them). The output limit is checked while inflating, so a
// small body that would inflate to gigabytes (a "gzip bomb") is refused after `limit` bytes
// of work, not after all of it. Errors come in two kinds the server answers differently:
// over the limit (413) and not valid gzip (400); is_over_limit() tells them apart.
// Pure function, no I/O, safe from any thread.
#include <cstddef>
#include <string>
#include <string_view>

#include "schema-client/model/result.hpp"

namespace zt::ingest {

model::Result<std::string> gunzip(std::string_view compressed, std::size_t limit);

// True when the error came from gunzip() because the output would exceed its limit.
bool is_over_limit(const model::Error& error);

}  // namespace zt::ingest
