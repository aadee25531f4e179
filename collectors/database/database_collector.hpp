#pragma once
// The `database` collector: the database servers of the host — PostgreSQL, MySQL/MariaDB,
// Redis, MongoDB, Memcached, Elasticsearch and OpenSearch — found from their listening sockets
// and processes (collectors/core/host_sockets) and from the configuration files installed at
// the distributions' default paths. Each server's configuration (the files its command line
// names, else the defaults) is read through HostFs and checked (finding_types.hpp lists the
// finding types and severities); on the live host (host root "/") each running server is
// also checked through loopback (live_checks.hpp): is it open without a password, and which
// version is it. Findings go to database_findings; the servers are the inventory
// (scan.results.database). No database found: no findings and no problems.
//
// Nothing it reads makes collect() throw; it checks Context::should_stop() between servers.
// Not for concurrent collect() calls.
#include <memory>

#include "collectors/core/collector.hpp"
#include "collectors/core/live_checker.hpp"

namespace zt::database {

// name "database", category database, default interval 3600 s; uses the system checker.
collector::CollectorDescriptor descriptor();

// The collector with another checker (tests replay recorded answers with one whose live()
// is false, which is then used whatever the host root).
std::unique_ptr<collector::Collector> make_collector(const collector::OptionValues& values,
                                                     std::unique_ptr<collector::LiveChecker> checker);

}  // namespace zt::database
