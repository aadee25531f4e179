#pragma once
// The configuration rules: from a Server (its effective configuration, its sockets and its
// live check results) to the problems found. Pure; never throw.
//
// finding_type (database_findings.finding_type)      severity
// PostgreSQL (database_type postgresql)
//   pg_hba_trust               high; critical when a trust rule admits any address
//   pg_hba_cleartext_password  medium   `password` method: the password crosses in clear
//   pg_listen_all_open_hba     high     listen_addresses '*'/0.0.0.0/:: and a host rule for
//                                       0.0.0.0/0, ::/0 or all (not reject)
//   pg_ssl_off                 medium; low when it listens on loopback only
//   pg_md5_password_encryption medium   password_encryption = md5
//   pg_passwordless_login      critical live: user postgres let in with no password
// MySQL/MariaDB (mysql)
//   mysql_bind_all             medium   bind-address unset, *, 0.0.0.0 or :: (and networking on)
//   mysql_skip_grant_tables    critical
//   mysql_local_infile         medium   local_infile = ON/1
// Redis (redis)
//   redis_no_auth              high; critical when bound to every interface
//   redis_protected_mode_off   medium
//   redis_bind_all             high without authentication, else medium
//   redis_dangerous_commands   medium without authentication, else low. The commands:
//                              FLUSHALL, FLUSHDB (wipe data), CONFIG (rewrites files: the
//                              classic write-a-cron-job attack), SHUTDOWN, REPLICAOF/SLAVEOF
//                              (hand the data to another server), and DEBUG / MODULE when
//                              enable-debug-command / enable-module-command allow them (Redis
//                              7 blocks both by default). KEYS is left out: slow, not harmful.
//   redis_unauthenticated_access critical live: PING answered without a password
// MongoDB (mongodb)
//   mongodb_bind_all           high without authorization, else medium
//   mongodb_auth_disabled      high; critical when bound to every interface
// Memcached (memcached): it has no authentication unless built and started with SASL
//   memcached_bind_all         high; medium with SASL (-S)
//   memcached_udp_enabled      medium; high when bound to every interface (amplification)
// Elasticsearch / OpenSearch (elasticsearch, opensearch)
//   <type>_bind_all            medium; high when security is off
//   <type>_security_disabled   high; critical when bound to every interface
//                              (xpack.security.enabled: false; plugins.security.disabled: true)
#include <vector>

#include "collectors/database/server.hpp"

namespace zt::database {

std::vector<Issue> check_server(const Server& server);

// Per engine (check_server dispatches).
std::vector<Issue> check_postgres(const Server& server);
std::vector<Issue> check_mysql(const Server& server);
std::vector<Issue> check_redis(const Server& server);
std::vector<Issue> check_memcached(const Server& server);
std::vector<Issue> check_mongodb(const Server& server);
std::vector<Issue> check_search(const Server& server);

}  // namespace zt::database
