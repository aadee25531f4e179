#include "collectors/iot_ot/opc_ua.hpp"

#include <cstdio>

namespace zt::iot_ot {
namespace {

constexpr std::string_view kPolicyNone = "http://opcfoundation.org/UA/SecurityPolicy#None";
// Binary encodings' node ids (OPC 10000-6 NodeIds.csv).
constexpr std::uint16_t kOpenSecureChannelRequest = 446;
constexpr std::uint16_t kOpenSecureChannelResponse = 449;
constexpr std::uint16_t kGetEndpointsRequest = 428;
constexpr std::uint16_t kGetEndpointsResponse = 431;
constexpr std::uint32_t kAnonymousToken = 0;
constexpr std::size_t kHeaderSize = 8;
constexpr std::int32_t kMaxArray = 4096;  // more endpoints or tokens than any server has

class Writer {
 public:
  Writer& u8(std::uint8_t v) {
    out_.push_back(static_cast<char>(v));
    return *this;
  }
  Writer& u16(std::uint16_t v) { return le(v, 2); }
  Writer& u32(std::uint32_t v) { return le(v, 4); }
  Writer& i64(std::int64_t v) { return le(static_cast<std::uint64_t>(v), 8); }
  Writer& string(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
    return *this;
  }
  Writer& null() { return u32(0xffffffff); }  // a null String, ByteString or array
  // A numeric node id of namespace 0 in the four-byte form.
  Writer& node(std::uint16_t id) { return u8(0x01).u8(0).u16(id); }
  Writer& null_node() { return u8(0x00).u8(0x00); }
  Writer& request_header() {
    null_node();                      // authentication token: none (no session)
    i64(0).u32(1).u32(0).null();      // timestamp, request handle, diagnostics, audit id
    u32(10000);                       // timeout hint, ms
    return null_node().u8(0);         // additional header: an empty extension object
  }
  // The message with its 8-byte header ("HELF" and the total size) in front.
  std::string message(std::string_view type) const {
    Writer whole;
    whole.out_.append(type);
    whole.out_.push_back('F');
    whole.u32(static_cast<std::uint32_t>(kHeaderSize + out_.size()));
    return whole.out_ + out_;
  }

 private:
  Writer& le(std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    return *this;
  }
  std::string out_;
};

// A little-endian reader that fails (ok() false) instead of reading past the end.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }

  std::uint64_t le(std::size_t bytes) {
    if (!need(bytes)) return 0;
    std::uint64_t v = 0;
    for (std::size_t i = bytes; i-- > 0;) v = (v << 8) | static_cast<unsigned char>(in_[pos_ + i]);
    pos_ += bytes;
    return v;
  }
  std::uint8_t u8() { return static_cast<std::uint8_t>(le(1)); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(le(4)); }
  std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
  void skip(std::size_t bytes) {
    if (need(bytes)) pos_ += bytes;
  }
  // A String or ByteString; "" for null.
  std::string string() {
    const std::int32_t n = i32();
    if (n <= 0 || !need(static_cast<std::size_t>(n))) return "";
    std::string s(in_.substr(pos_, static_cast<std::size_t>(n)));
    pos_ += static_cast<std::size_t>(n);
    return s;
  }
  std::int32_t array_size() {
    const std::int32_t n = i32();
    if (n > kMaxArray) ok_ = false;
    return ok_ && n > 0 ? n : 0;
  }
  // A NodeId (or ExpandedNodeId's flags); its numeric id, or 0 for other kinds.
  std::uint32_t node() {
    const std::uint8_t encoding = u8();
    std::uint32_t id = 0;
    switch (encoding & 0x3f) {
      case 0x00: id = u8(); break;
      case 0x01: skip(1); id = static_cast<std::uint32_t>(le(2)); break;
      case 0x02: skip(2); id = u32(); break;
      case 0x03: case 0x05: skip(2); string(); break;
      case 0x04: skip(2 + 16); break;
      default: ok_ = false;
    }
    if (encoding & 0x80) string();  // namespace URI
    if (encoding & 0x40) skip(4);   // server index
    return id;
  }
  void diagnostic_info(int depth = 0) {
    const std::uint8_t mask = u8();
    for (std::uint8_t bit : {0x01, 0x02, 0x04, 0x08})
      if (mask & bit) skip(4);
    if (mask & 0x10) string();
    if (mask & 0x20) skip(4);
    if (mask & 0x40) {
      if (depth > 8) ok_ = false;
      else diagnostic_info(depth + 1);
    }
  }
  void extension_object() {
    node();
    const std::uint8_t body = u8();
    if (body == 1 || body == 2) string();
  }
  void localized_text() {
    const std::uint8_t mask = u8();
    if (mask & 0x01) string();
    if (mask & 0x02) string();
  }
  // The response header; its service result.
  std::uint32_t response_header() {
    skip(8 + 4);  // timestamp, request handle
    const std::uint32_t result = u32();
    diagnostic_info();
    for (std::int32_t n = array_size(); n > 0 && ok_; --n) string();  // string table
    extension_object();
    return result;
  }

 private:
  bool need(std::size_t bytes) {
    if (!ok_ || bytes > in_.size() - pos_) ok_ = false;
    return ok_;
  }
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

bool good(std::uint32_t status) { return (status & 0x80000000u) == 0; }

}  // namespace

std::string_view to_string(OpcUaSecurityMode mode) {
  switch (mode) {
    case OpcUaSecurityMode::none: return "None";
    case OpcUaSecurityMode::sign: return "Sign";
    case OpcUaSecurityMode::sign_and_encrypt: return "SignAndEncrypt";
    default: return "Invalid";
  }
}

std::vector<OpcUaMessage> opcua_messages(std::string_view stream) {
  std::vector<OpcUaMessage> out;
  std::size_t at = 0;
  while (stream.size() - at >= kHeaderSize) {
    Reader header(stream.substr(at + 4, 4));
    const std::uint32_t size = header.u32();
    if (size < kHeaderSize || size > stream.size() - at) break;
    out.push_back({std::string(stream.substr(at, 3)),
                   stream.substr(at + kHeaderSize, size - kHeaderSize)});
    at += size;
  }
  return out;
}

std::string opcua_hello(std::string_view endpoint_url) {
  Writer w;
  w.u32(0).u32(65535).u32(65535).u32(0).u32(0).string(endpoint_url);
  return w.message("HEL");
}

std::string opcua_open_channel() {
  Writer w;
  w.u32(0).string(kPolicyNone).null().null();  // channel, policy, certificate, thumbprint
  w.u32(1).u32(1);                              // sequence number, request id
  w.node(kOpenSecureChannelRequest).request_header();
  w.u32(0).u32(0).u32(static_cast<std::uint32_t>(OpcUaSecurityMode::none));  // version, Issue
  w.null().u32(3600000);  // client nonce, requested lifetime
  return w.message("OPN");
}

std::string opcua_get_endpoints(std::uint32_t channel_id, std::uint32_t token_id,
                                std::string_view endpoint_url) {
  Writer w;
  w.u32(channel_id).u32(token_id).u32(2).u32(2);
  w.node(kGetEndpointsRequest).request_header();
  w.string(endpoint_url).null().null();  // locale ids, profile uris
  return w.message("MSG");
}

std::optional<OpcUaChannel> read_open_channel(std::string_view body) {
  Reader r(body);
  r.skip(4);                   // channel id (of the header)
  r.string();                  // policy
  r.string();                  // certificate
  r.string();                  // thumbprint
  r.skip(8);                   // sequence number, request id
  if (r.node() != kOpenSecureChannelResponse) return std::nullopt;
  if (!good(r.response_header())) return std::nullopt;
  r.skip(4);  // server protocol version
  OpcUaChannel channel;
  channel.channel_id = r.u32();
  channel.token_id = r.u32();
  if (!r.ok()) return std::nullopt;
  return channel;
}

std::optional<std::vector<OpcUaEndpoint>> read_endpoints(std::string_view body) {
  Reader r(body);
  r.skip(16);  // channel id, token id, sequence number, request id
  if (r.node() != kGetEndpointsResponse) return std::nullopt;
  if (!good(r.response_header())) return std::nullopt;
  std::vector<OpcUaEndpoint> out;
  for (std::int32_t n = r.array_size(); n > 0 && r.ok(); --n) {
    OpcUaEndpoint e;
    e.url = r.string();
    r.string();  // application uri
    r.string();  // product uri
    r.localized_text();
    r.skip(4);   // application type
    r.string();  // gateway server uri
    r.string();  // discovery profile uri
    for (std::int32_t urls = r.array_size(); urls > 0 && r.ok(); --urls) r.string();
    r.string();  // server certificate
    e.mode = static_cast<OpcUaSecurityMode>(r.u32());
    e.policy = r.string();
    for (std::int32_t tokens = r.array_size(); tokens > 0 && r.ok(); --tokens) {
      r.string();  // policy id
      if (r.u32() == kAnonymousToken) e.anonymous = true;
      r.string();  // issued token type
      r.string();  // issuer endpoint url
      r.string();  // security policy uri
    }
    r.string();  // transport profile uri
    r.skip(1);   // security level
    out.push_back(std::move(e));
  }
  if (!r.ok()) return std::nullopt;
  return out;
}

std::string read_error(std::string_view body) {
  Reader r(body);
  const std::uint32_t code = r.u32();
  const std::string reason = r.string();
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%08X", code);
  return reason.empty() ? std::string(hex) : std::string(hex) + " " + reason;
}

}  // namespace zt::iot_ot
