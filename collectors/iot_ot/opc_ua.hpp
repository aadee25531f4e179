#pragma once
// OPC UA's binary protocol (OPC 10000-6), as far as asking a server which endpoints it offers
// takes: Hello, OpenSecureChannel with the security policy None (always offered for
// discovery), then GetEndpoints; no session is created and nothing is read or written on the
// server. Each endpoint says its security mode (None, Sign, SignAndEncrypt), its policy and
// the user tokens it takes (anonymous among them). Pure builders and readers; never throw.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zt::iot_ot {

enum class OpcUaSecurityMode : std::uint32_t { invalid = 0, none = 1, sign = 2, sign_and_encrypt = 3 };
std::string_view to_string(OpcUaSecurityMode mode);

struct OpcUaEndpoint {
  std::string url;
  OpcUaSecurityMode mode = OpcUaSecurityMode::invalid;
  std::string policy;  // "http://opcfoundation.org/UA/SecurityPolicy#None"
  bool anonymous = false;  // a user token policy of type Anonymous
  bool operator==(const OpcUaEndpoint&) const = default;
};

// One message of the stream: its three-letter type ("ACK", "OPN", "MSG", "ERR") and the
// bytes after its 8-byte header.
struct OpcUaMessage {
  std::string type;
  std::string_view body;
};
// The complete messages at the start of `stream` (a cut one at the end is left out).
std::vector<OpcUaMessage> opcua_messages(std::string_view stream);

std::string opcua_hello(std::string_view endpoint_url);
std::string opcua_open_channel();
std::string opcua_get_endpoints(std::uint32_t channel_id, std::uint32_t token_id,
                                std::string_view endpoint_url);

struct OpcUaChannel {
  std::uint32_t channel_id = 0;
  std::uint32_t token_id = 0;
};
// From an OPN message's body; nothing when it is not an OpenSecureChannelResponse or its
// service result is bad.
std::optional<OpcUaChannel> read_open_channel(std::string_view opn_body);
// From a MSG message's body; nothing when it is not a GetEndpointsResponse.
std::optional<std::vector<OpcUaEndpoint>> read_endpoints(std::string_view msg_body);

// ERR's reason: "0x80010000 …".
std::string read_error(std::string_view err_body);

}  // namespace zt::iot_ot
