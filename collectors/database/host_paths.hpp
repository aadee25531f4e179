#pragma once
// Every host path the database collector reads on its own (the socket and process tables are
// read by collectors/core/host_sockets), in one place: the Debian and RHEL default
// configuration files, used when a server's command line does not name its own. Host paths:
// HostFs resolves them under the configured host root.
#include <cstddef>
#include <string_view>

namespace zt::database {

// /etc/postgresql/<version>/<cluster>/postgresql.conf (Debian's postgresql-common).
inline constexpr std::string_view kPostgresEtcDir = "/etc/postgresql";
inline constexpr std::string_view kPostgresConfName = "postgresql.conf";
inline constexpr std::string_view kPostgresHbaName = "pg_hba.conf";

// Read in this order, like mysqld's default option files (the Debian one includes conf.d/
// and mariadb.conf.d/ through !includedir).
inline constexpr std::string_view kMysqlDefaultFiles[] = {"/etc/my.cnf", "/etc/mysql/my.cnf"};

inline constexpr std::string_view kRedisDefaultFiles[] = {"/etc/redis/redis.conf",
                                                          "/etc/redis.conf"};

inline constexpr std::string_view kMongodDefaultFile = "/etc/mongod.conf";

inline constexpr std::string_view kMemcachedDebianFile = "/etc/memcached.conf";
inline constexpr std::string_view kMemcachedSysconfigFile = "/etc/sysconfig/memcached";

inline constexpr std::string_view kElasticsearchDefaultFile =
    "/etc/elasticsearch/elasticsearch.yml";
inline constexpr std::string_view kOpensearchDefaultFile = "/etc/opensearch/opensearch.yml";

// Configuration files are small; a larger one is refused rather than read.
inline constexpr std::size_t kConfigMaxBytes = std::size_t{1} << 20;
// Include chains deeper than this are cut (and reported): they are loops or mistakes.
inline constexpr int kMaxIncludeDepth = 8;

}  // namespace zt::database
