#pragma once
// Node-RED's editor and admin API: whoever reaches them deploys flows, and an `exec` node runs
// any command as the service's user. They ask for a login only when settings.js sets
// `adminAuth`. Pure functions over settings.js, the process and the editor's answer.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "collectors/core/host_sockets.hpp"

namespace zt::iot_ot {

// A Node-RED runtime: it names itself "node-red" (process.title), or node runs its red.js.
bool is_node_red(const collector::ProcessInfo& process);

// The settings file the runtime reads: `--settings`/`-s FILE`, else settings.js in
// `--userDir`/`-u DIR`, else in `home`/.node-red. Node-RED sets its process title, which
// hides its arguments from /proc: then it is the home folder's, possibly not the one in use,
// and the live check (when it runs) decides.
std::string node_red_settings_path(const collector::ProcessInfo& process, std::string_view home);

// The line (1-based) where settings.js sets `adminAuth`, outside comments and strings; 0
// when it does not.
std::size_t node_red_admin_auth_line(std::string_view settings_js);

// GET /auth/login over HTTP/1.0 (the server closes when done).
std::string node_red_login_request();

// From the answer to node_red_login_request(): true when the editor asks for no credentials
// (status 200, body `{}`), false when it names a login type; nothing when the answer is not
// that endpoint's (another server on the port).
std::optional<bool> node_red_login_open(std::string_view answer);

}  // namespace zt::iot_ot
