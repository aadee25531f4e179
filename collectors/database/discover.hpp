#pragma once
// Which listening sockets belong to database servers: the owning process's name (and, for
// Java, its main class) says the engine. One Server per process, with every socket it
// listens on; host and port are its first TCP listener's. Sockets whose owner could not be
// read are not guessed from the port number. Pure; never throws.
#include <optional>
#include <vector>

#include "collectors/core/host_sockets.hpp"
#include "collectors/database/server.hpp"

namespace zt::database {

// postgres/postmaster, mysqld/mariadbd, redis-server, mongod, memcached, and java running
// org.elasticsearch.bootstrap.Elasticsearch or org.opensearch.bootstrap.OpenSearch.
std::optional<Engine> engine_of(const collector::ProcessInfo& process);

std::vector<Server> servers_from_sockets(const std::vector<collector::ListeningSocket>& sockets);

}  // namespace zt::database
