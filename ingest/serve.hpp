#pragma once
// `zerotrace-ingest serve`: checks that it is safe to start, serves until SIGTERM or SIGINT,
// then stops gracefully (requests in progress finish). Refuses to start, with the reason and
// exit code 1, when: the database URL is missing or unreachable, the schema is not at this
// program's version (run `migrate`), the database role could bypass row-level security (a
// superuser, BYPASSRLS, or an owner of the tables), TLS files cannot be read, or the address
// cannot be bound. Logs "listening on https://ADDRESS:PORT" once ready.
#include "ingest/config/ingest_config.hpp"

namespace zt::ingest {

int run_serve(const IngestConfig& config);

}  // namespace zt::ingest
