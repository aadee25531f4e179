#pragma once
// The database collector's finding types: the one table of what it reports and how severe it
// is. Every finding is a database_findings row whose identity is (database_type, host, port,
// finding_type): the engine, the server's first TCP listener (else the address and port its
// configuration names) and the type; a server has at most one finding of each type. The
// rules that fire them are in checks_*.cpp; "live" ones need a live check (host root "/").
//
// | finding_type               | severity                | fires when                       |
// |----------------------------|-------------------------|----------------------------------|
// | PostgreSQL (database_type postgresql)                                                   |
// | pg_hba_trust               | high; critical when a   | a pg_hba `trust` rule            |
// |                            | rule admits any address |                                  |
// | pg_hba_cleartext_password  | medium                  | a `password` method: the         |
// |                            |                         | password crosses in clear        |
// | pg_listen_all_open_hba     | high                    | listen_addresses '*', 0.0.0.0 or |
// |                            |                         | :: and a host rule for 0.0.0.0/0,|
// |                            |                         | ::/0 or all (not reject)         |
// | pg_ssl_off                 | medium; low when on     | ssl not on (off by default)      |
// |                            | loopback only           |                                  |
// | pg_md5_password_encryption | medium                  | password_encryption md5 (or on)  |
// | pg_passwordless_login      | critical                | live: user postgres let in with  |
// |                            |                         | no password                      |
// | MySQL/MariaDB (mysql)                                                                   |
// | mysql_bind_all             | medium                  | bind-address unset, *, 0.0.0.0   |
// |                            |                         | or :: (and networking on)        |
// | mysql_skip_grant_tables    | critical                | skip-grant-tables                |
// | mysql_local_infile         | medium                  | local_infile = ON/1              |
// | Redis (redis)                                                                           |
// | redis_no_auth              | high; critical when     | no requirepass and no ACL user   |
// |                            | bound to every interface| with a password                  |
// | redis_protected_mode_off   | medium                  | protected-mode no                |
// | redis_bind_all             | high without auth,      | bound to every interface         |
// |                            | else medium             |                                  |
// | redis_dangerous_commands   | medium without auth,    | a dangerous command (below) not  |
// |                            | else low                | renamed away (rename-command)     |
// | redis_unauthenticated_     | critical                | live: PING answered without a    |
// |   access                   |                         | password                         |
// | MongoDB (mongodb)                                                                       |
// | mongodb_bind_all           | high without            | bound to every interface         |
// |                            | authorization, else med.|                                  |
// | mongodb_auth_disabled      | high; critical when     | security.authorization not       |
// |                            | bound to every interface| enabled and no security.keyFile  |
// | Memcached (memcached): no authentication unless built and started with SASL             |
// | memcached_bind_all         | high; medium with SASL  | bound to every interface         |
// |                            | (-S)                    |                                  |
// | memcached_udp_enabled      | medium; high when bound | a UDP port (-U) other than 0     |
// |                            | to every interface      | (amplification)                  |
// | Elasticsearch / OpenSearch (elasticsearch, opensearch)                                  |
// | <type>_bind_all            | medium; high when       | network.host or http.host names  |
// |                            | security is off         | every interface                  |
// | <type>_security_disabled   | high; critical when     | xpack.security.enabled: false;   |
// |                            | bound to every interface| plugins.security.disabled: true  |
//
// Redis's dangerous commands: FLUSHALL, FLUSHDB (wipe data), CONFIG (rewrites files: the
// classic write-a-cron-job attack), SHUTDOWN, REPLICAOF/SLAVEOF (hand the data to another
// server), and DEBUG / MODULE when enable-debug-command / enable-module-command allow them
// (Redis 7 blocks both by default). KEYS is left out: slow, not harmful.
#include <string_view>

namespace zt::database::finding_type {

inline constexpr std::string_view kPgHbaTrust = "pg_hba_trust";
inline constexpr std::string_view kPgHbaCleartextPassword = "pg_hba_cleartext_password";
inline constexpr std::string_view kPgListenAllOpenHba = "pg_listen_all_open_hba";
inline constexpr std::string_view kPgSslOff = "pg_ssl_off";
inline constexpr std::string_view kPgMd5PasswordEncryption = "pg_md5_password_encryption";
inline constexpr std::string_view kPgPasswordlessLogin = "pg_passwordless_login";
inline constexpr std::string_view kMysqlBindAll = "mysql_bind_all";
inline constexpr std::string_view kMysqlSkipGrantTables = "mysql_skip_grant_tables";
inline constexpr std::string_view kMysqlLocalInfile = "mysql_local_infile";
inline constexpr std::string_view kRedisNoAuth = "redis_no_auth";
inline constexpr std::string_view kRedisProtectedModeOff = "redis_protected_mode_off";
inline constexpr std::string_view kRedisBindAll = "redis_bind_all";
inline constexpr std::string_view kRedisDangerousCommands = "redis_dangerous_commands";
inline constexpr std::string_view kRedisUnauthenticatedAccess = "redis_unauthenticated_access";
inline constexpr std::string_view kMongodbBindAll = "mongodb_bind_all";
inline constexpr std::string_view kMongodbAuthDisabled = "mongodb_auth_disabled";
inline constexpr std::string_view kMemcachedBindAll = "memcached_bind_all";
inline constexpr std::string_view kMemcachedUdpEnabled = "memcached_udp_enabled";
// Elasticsearch and OpenSearch: the database_type ("elasticsearch", "opensearch"), then these.
inline constexpr std::string_view kSearchBindAllSuffix = "_bind_all";
inline constexpr std::string_view kSearchSecurityDisabledSuffix = "_security_disabled";

}  // namespace zt::database::finding_type
