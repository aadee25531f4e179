#pragma once
// The configuration rules: from a Server (its effective configuration, its sockets and its
// live check results) to the problems found. Pure; never throw.
//
// The finding types they give, their severities and when each fires: finding_types.hpp.
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
