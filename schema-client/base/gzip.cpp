#include "schema-client/base/gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <climits>

namespace zt::base {
namespace {

// The stable part of the over-limit message; is_over_limit() keys on it.
constexpr std::string_view kOverLimit = " inflates past ";

// 16 + MAX_WBITS: a gzip header and trailer, not a zlib stream or raw deflate.
constexpr int kGzipWindowBits = 16 + MAX_WBITS;
constexpr int kMemoryLevel = 8;  // zlib's default

// A z_stream begun by `begin` (deflateInit2 or inflateInit2 with their arguments bound)
// and always ended by End (deflateEnd or inflateEnd).
template <int (*End)(z_streamp)>
class ZStream {
 public:
  template <typename Begin>
  explicit ZStream(Begin begin) {
    ok_ = begin(&stream_) == Z_OK;
  }
  ~ZStream() {
    if (ok_) End(&stream_);
  }
  ZStream(const ZStream&) = delete;
  ZStream& operator=(const ZStream&) = delete;

  bool ok() const { return ok_; }
  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
  bool ok_ = false;
};

model::Error corrupt(std::string_view what, const char* detail) {
  return model::Error{"corrupt " + std::string(what) + ": " + (detail ? detail : "invalid data")};
}

// zlib counts in uInt and takes non-const input it does not write to.
void set_input(z_stream& z, std::string_view bytes) {
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
}

// Inflates one stream of `window_bits`' wrapper, or, when `members` is set, gzip members one
// after the other. `what` names the input in errors ("gzip body").
model::Result<std::string> inflate_with(std::string_view packed, std::size_t limit,
                                        int window_bits, bool members, std::string_view what) {
  if (packed.empty()) return corrupt(what, "empty body");
  if (packed.size() > UINT_MAX) return model::Error{std::string(what) + " larger than 4 GiB"};
  ZStream<inflateEnd> inflater(
      [window_bits](z_streamp z) { return inflateInit2(z, window_bits); });
  if (!inflater.ok()) return model::Error{"cannot start zlib inflate"};
  z_stream& z = inflater.stream();
  set_input(z, packed);

  std::string out;
  std::array<char, 64 * 1024> chunk{};
  for (;;) {
    z.next_out = reinterpret_cast<Bytef*>(chunk.data());
    z.avail_out = static_cast<uInt>(chunk.size());
    const int rc = ::inflate(&z, Z_NO_FLUSH);
    const std::size_t produced = chunk.size() - z.avail_out;
    if (out.size() + produced > limit)
      return model::Error{std::string(what) + std::string(kOverLimit) + std::to_string(limit) +
                          " bytes"};
    out.append(chunk.data(), produced);

    if (rc == Z_STREAM_END) {
      if (z.avail_in == 0 || !members) return out;
      if (inflateReset(&z) != Z_OK) return corrupt(what, z.msg);  // another member follows
      continue;
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0) return corrupt(what, "truncated");
    if (rc != Z_OK) return corrupt(what, z.msg);
  }
}

}  // namespace

bool is_over_limit(const model::Error& error) {
  return error.message.find(kOverLimit) != std::string::npos;
}

model::Result<std::string> gzip_decompress(std::string_view packed, std::size_t limit) {
  return inflate_with(packed, limit, kGzipWindowBits, true, "gzip body");
}

model::Result<std::string> inflate(std::string_view packed, std::size_t limit,
                                   DeflateWrapper wrapper) {
  return wrapper == DeflateWrapper::zlib
             ? inflate_with(packed, limit, MAX_WBITS, false, "zlib stream")
             : inflate_with(packed, limit, -MAX_WBITS, false, "deflate data");
}

model::Result<std::string> gzip_compress(std::string_view plain) {
  // Bodies are capped far below 4 GiB; refuse rather than truncate.
  if (plain.size() > UINT_MAX) return model::Error{"gzip: body larger than 4 GiB"};
  ZStream<deflateEnd> deflater([](z_streamp z) {
    return deflateInit2(z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, kMemoryLevel,
                        Z_DEFAULT_STRATEGY);
  });
  if (!deflater.ok()) return model::Error{"gzip: cannot start zlib deflate"};
  z_stream& z = deflater.stream();
  std::string out(deflateBound(&z, static_cast<uLong>(plain.size())), '\0');
  set_input(z, plain);
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(std::min<std::size_t>(out.size(), UINT_MAX));
  // deflateBound() is room enough for one Z_FINISH call to complete.
  const int rc = deflate(&z, Z_FINISH);
  if (rc != Z_STREAM_END)
    return model::Error{std::string("gzip: deflate failed: ") + (z.msg ? z.msg : "no room")};
  out.resize(out.size() - z.avail_out);
  return out;
}

}  // namespace zt::base
