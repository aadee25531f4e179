#pragma once
// The checks of ClientOptions (http_client.hpp) that do not depend on the HTTP library, shared
// by the libcurl and the WinHTTP clients: timeouts and the answer cap positive, the PEM files
// named readable, client certificate and key together. The url is checked by each client with
// its own library's parser. Errors name the option.
#include "schema-client/model/result.hpp"
#include "transport/http_client.hpp"

namespace zt::transport {

model::Status check_client_options(const ClientOptions& options);

}  // namespace zt::transport
