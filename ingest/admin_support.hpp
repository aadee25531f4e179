#pragma once
// What the operator's commands (admin.hpp) share: a database connection whose errors become
// exit codes, printing text or JSON, refusing a malformed id, naming the operator.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ingest/admin.hpp"
#include "schema-client/pg/connection.hpp"

namespace zt::ingest {

// Runs `body` with a connection to `url`; no URL is exit code 2, a database error exit code 1
// with the reason on stderr.
int with_database(const std::string& url, const std::function<int(pg::Connection&)>& body);
// `document` with --format json, else `text`, on stdout.
void print(Format format, const nlohmann::json& document, const std::string& text);
// Says `what` must be a UUID; returns exit code 2.
int bad_uuid(std::string_view what, std::string_view value);
nlohmann::json or_null(const std::optional<std::string>& value);
// `given`, or else the user running the command ("alice (uid 1000)").
std::string operator_name(const std::string& given);

}  // namespace zt::ingest
