#include "schema-client/base/gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <climits>

namespace zt::base {
namespace {

// The stable start of the over-limit message; is_over_limit() keys on it.
constexpr std::string_view kOverLimit = "gzip body inflates past ";

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

model::Error corrupt(const char* detail) {
  return model::Error{std::string("corrupt gzip body: ") + (detail ? detail : "invalid data")};
}

// zlib counts in uInt and takes non-const input it does not write to.
void set_input(z_stream& z, std::string_view bytes) {
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
}

}  // namespace

bool is_over_limit(const model::Error& error) {
  return error.message.starts_with(kOverLimit);
}

model::Result<std::string> gzip_decompress(std::string_view packed, std::size_t limit) {
  if (packed.empty()) return corrupt("empty body");
  if (packed.size() > UINT_MAX) return model::Error{"gzip body larger than 4 GiB"};
  ZStream<inflateEnd> inflater([](z_streamp z) { return inflateInit2(z, kGzipWindowBits); });
  if (!inflater.ok()) return model::Error{"cannot start zlib inflate"};
  z_stream& z = inflater.stream();
  set_input(z, packed);

  std::string out;
  std::array<char, 64 * 1024> chunk{};
  for (;;) {
    z.next_out = reinterpret_cast<Bytef*>(chunk.data());
    z.avail_out = static_cast<uInt>(chunk.size());
    const int rc = inflate(&z, Z_NO_FLUSH);
    const std::size_t produced = chunk.size() - z.avail_out;
    if (out.size() + produced > limit)
      return model::Error{std::string(kOverLimit) + std::to_string(limit) + " bytes"};
    out.append(chunk.data(), produced);

    if (rc == Z_STREAM_END) {
      if (z.avail_in == 0) return out;
      if (inflateReset(&z) != Z_OK) return corrupt(z.msg);  // another member follows
      continue;
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0) return corrupt("truncated");
    if (rc != Z_OK) return corrupt(z.msg);
  }
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
