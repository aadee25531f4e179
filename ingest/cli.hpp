#pragma once
// The zerotrace-ingest command line:
//   zerotrace-ingest [--config FILE] [--database-url URL] [--format text|json] COMMAND
//     migrate                     apply the schema migrations that are missing
//     serve [--listen HOST:PORT]  run the ingest endpoint
//     company create NAME
//     token create --company ID [--max-uses N] [--valid-days N] [--description TEXT]
//     agent list [--company ID]
//     agent revoke ID
//     feeds import [--ca-file FILE] [--no-rematch] PATH|URL…   OSV, Debian tracker, NVD/CVE 5,
//                                  KEV, EPSS; then the fleet is matched again
//     feeds status                 each feed source: its records and newest modification
//     vulns rematch                every agent's latest inventory matched again, no rescan
// The database URL: --database-url, else ZEROTRACE_DATABASE_URL, else database.url of the
// configuration (--config FILE, else /etc/zerotrace/ingest.yaml when it exists, else the
// built-in defaults). Exit codes: 0 done, 1 failed, 2 bad command line or configuration.
#include "schema-client/config/sources.hpp"

namespace zt::ingest {

int run_cli(int argc, const char* const* argv, const config::EnvLookup& env);

}  // namespace zt::ingest
