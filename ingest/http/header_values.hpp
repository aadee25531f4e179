#pragma once
// Pure helpers that turn raw HTTP header values into what a Request carries and what the
// session decides on. No I/O, no Beast: tested on their own.
#include <string>
#include <string_view>
#include <vector>

#include "ingest/http/request.hpp"

namespace zt::ingest {

// "Application/JSON; charset=utf-8" -> "application/json"; "" stays "".
std::string media_type(std::string_view content_type);

// "/v1/batches?x=1" -> "/v1/batches".
std::string path_of(std::string_view target);

enum class BodyEncoding { identity, gzip, unsupported };

// Content-Encoding value -> how to decode the body. Absent or "identity" -> identity;
// "gzip" or "x-gzip" (any case) -> gzip; anything else, stacked codings included -> unsupported.
BodyEncoding body_encoding(std::string_view content_encoding);

// The known route of a path, or null: its metrics label is then "other", so a client cannot
// grow the label set.
const KnownRoute* known_route(std::string_view path, const std::vector<KnownRoute>& known_routes);

}  // namespace zt::ingest
