#pragma once
// gzip (RFC 1952) for upload bodies: one member, zlib's default level. The ingest accepts a
// body sent with `Content-Encoding: gzip` and inflates it before its handlers see it.
// Pure function, no I/O, safe from any thread; the only failure is zlib running out of
// memory, reported as an Error.
#include <string>
#include <string_view>

#include "schema-client/model/result.hpp"

namespace zt::transport {

model::Result<std::string> gzip_compress(std::string_view plain);

}  // namespace zt::transport
