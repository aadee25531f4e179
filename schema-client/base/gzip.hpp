#pragma once
// gzip (RFC 1952), the one implementation the agent and the ingest share: the agent
// compresses upload bodies and spooled scans and inflates a spooled scan to cut it into
// parts; the ingest inflates a body sent with `Content-Encoding: gzip`.
// gzip_compress writes one member at zlib's default level. gzip_decompress accepts several
// members one after the other (as `cat a.gz b.gz` makes) and checks `limit` while inflating,
// so a small body that would inflate to gigabytes is refused after `limit` bytes of work.
// Its errors come in two kinds a server answers differently: over the limit (413) and not
// whole gzip (400); is_over_limit() tells them apart. `inflate` reads the two other wrappers
// of deflate data, for the files collectors read (zip entries, zlib-compressed models), with
// the same limit and errors. Pure functions, safe from any thread.
#include <cstddef>
#include <string>
#include <string_view>

#include "schema-client/model/result.hpp"

namespace zt::base {

model::Result<std::string> gzip_compress(std::string_view plain);
model::Result<std::string> gzip_decompress(std::string_view packed, std::size_t limit);

// zlib (RFC 1950) or raw deflate (RFC 1951, a zip entry's "method 8"): one stream.
enum class DeflateWrapper { zlib, raw };
model::Result<std::string> inflate(std::string_view packed, std::size_t limit,
                                   DeflateWrapper wrapper);

// True when the error came from gzip_decompress() or inflate() because the output would pass its limit.
bool is_over_limit(const model::Error& error);

}  // namespace zt::base
