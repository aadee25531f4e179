#include "ingest/http/gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <climits>

namespace zt::ingest {
namespace {

// The stable start of the over-limit message; is_over_limit() keys on it.
constexpr std::string_view kOverLimit = "gzip body inflates past ";

// inflateInit2 with 16 + MAX_WBITS: gzip header and trailer, not zlib or raw deflate.
constexpr int kGzipWindowBits = 16 + MAX_WBITS;

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

model::Error corrupt(const char* detail) {
  return model::Error{std::string("corrupt gzip body: ") + (detail ? detail : "invalid data")};
}

}  // namespace

bool is_over_limit(const model::Error& error) {
  return std::string_view(error.message).substr(0, kOverLimit.size()) == kOverLimit;
}

model::Result<std::string> gunzip(std::string_view compressed, std::size_t limit) {
  if (compressed.empty()) return corrupt("empty body");
  Inflater inflater;
  if (!inflater.ok()) return model::Error{"cannot start zlib inflate"};
  z_stream& z = inflater.stream();
  // zlib takes non-const input and uInt lengths; bodies are capped far below 4 GiB.
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z.avail_in = static_cast<uInt>(std::min<std::size_t>(compressed.size(), UINT_MAX));

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
      // Another gzip member follows (what `cat a.gz b.gz` makes).
      if (inflateReset(&z) != Z_OK) return corrupt(z.msg);
      continue;
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0) return corrupt("truncated");
    if (rc != Z_OK) return corrupt(z.msg);
  }
}

}  // namespace zt::ingest
