#pragma once
// gzip (RFC 1952) for upload bodies and the spool's records: one member, zlib's default
// level. The ingest accepts a body sent with `Content-Encoding: gzip` and inflates it before
// its handlers see it; the agent inflates a spooled scan to cut it into parts at send time.
// Pure functions, no I/O, safe from any thread. Errors: zlib running out of memory, and for
// gzip_decompress a stream that is not whole gzip or inflates past `limit` bytes.
#include <cstddef>
#include <string>
#include <string_view>

#include "schema-client/model/result.hpp"

namespace zt::transport {

model::Result<std::string> gzip_compress(std::string_view plain);
model::Result<std::string> gzip_decompress(std::string_view packed, std::size_t limit);

}  // namespace zt::transport
