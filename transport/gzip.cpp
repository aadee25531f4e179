#include "transport/gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <climits>

namespace zt::transport {
namespace {

// deflateInit2 with 16 + MAX_WBITS writes a gzip header and trailer, not a zlib stream.
constexpr int kGzipWindowBits = 16 + MAX_WBITS;
constexpr int kMemoryLevel = 8;  // zlib's default

class Deflater {
 public:
  Deflater() {
    ok_ = deflateInit2(&stream_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, kMemoryLevel,
                       Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~Deflater() {
    if (ok_) deflateEnd(&stream_);
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  bool ok() const { return ok_; }
  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
  bool ok_ = false;
};

class Inflater {
 public:
  Inflater() { ok_ = inflateInit2(&stream_, kGzipWindowBits) == Z_OK; }
  ~Inflater() {
    if (ok_) inflateEnd(&stream_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  bool ok() const { return ok_; }
  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
  bool ok_ = false;
};

}  // namespace

model::Result<std::string> gzip_decompress(std::string_view packed, std::size_t limit) {
  if (packed.size() > UINT_MAX) return model::Error{"gunzip: body larger than 4 GiB"};
  Inflater inflater;
  if (!inflater.ok()) return model::Error{"gunzip: cannot start zlib inflate"};
  z_stream& z = inflater.stream();
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  std::string out;
  char piece[64 * 1024];
  for (;;) {
    z.next_out = reinterpret_cast<Bytef*>(piece);
    z.avail_out = sizeof piece;
    const int rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END)
      return model::Error{std::string("gunzip: not a whole gzip stream: ") +
                          (z.msg ? z.msg : "truncated")};
    const std::size_t produced = sizeof piece - z.avail_out;
    if (out.size() + produced > limit)
      return model::Error{"gunzip: inflates past " + std::to_string(limit) + " bytes"};
    out.append(piece, produced);
    if (rc == Z_STREAM_END) return out;
    if (z.avail_in == 0 && produced == 0)
      return model::Error{"gunzip: not a whole gzip stream: truncated"};
  }
}

model::Result<std::string> gzip_compress(std::string_view plain) {
  // Batches are capped far below 4 GiB (zlib counts in uInt); refuse rather than truncate.
  if (plain.size() > UINT_MAX) return model::Error{"gzip: body larger than 4 GiB"};
  Deflater deflater;
  if (!deflater.ok()) return model::Error{"gzip: cannot start zlib deflate"};
  z_stream& z = deflater.stream();
  std::string out(deflateBound(&z, static_cast<uLong>(plain.size())), '\0');
  // zlib takes non-const input; it does not write to it.
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
  z.avail_in = static_cast<uInt>(plain.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(std::min<std::size_t>(out.size(), UINT_MAX));
  // deflateBound() is enough for a single Z_FINISH call to complete.
  const int rc = deflate(&z, Z_FINISH);
  if (rc != Z_STREAM_END)
    return model::Error{std::string("gzip: deflate failed: ") + (z.msg ? z.msg : "no room")};
  out.resize(out.size() - z.avail_out);
  return out;
}

}  // namespace zt::transport
