#pragma once
// Internal to ingest/http: starts the session that serves one accepted connection, plain or
// TLS as the context says. The session keeps itself alive until the connection is closed.
#include <memory>
#include <string>

#include <boost/asio/ip/tcp.hpp>

#include "ingest/http/server_context.hpp"

namespace zt::ingest {

void start_session(std::shared_ptr<ServerContext> context, boost::asio::ip::tcp::socket socket,
                   Admission admission);

}  // namespace zt::ingest
