#pragma once
// Test helpers that make gzip bodies with zlib: from a string, or N zero bytes streamed in
// chunks (a "gzip bomb" without holding N bytes in memory).
#include <zlib.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>

namespace zt::test {

class GzipWriter {
 public:
  GzipWriter() {
    if (deflateInit2(&z_, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9,
                     Z_DEFAULT_STRATEGY) != Z_OK)
      throw std::runtime_error("deflateInit2 failed");
  }
  ~GzipWriter() { deflateEnd(&z_); }
  GzipWriter(const GzipWriter&) = delete;
  GzipWriter& operator=(const GzipWriter&) = delete;

  void write(std::string_view data) { run(data, Z_NO_FLUSH); }
  std::string finish() {
    run({}, Z_FINISH);
    return std::move(out_);
  }

 private:
  void run(std::string_view data, int flush) {
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z_.avail_in = static_cast<uInt>(data.size());
    char chunk[65536];
    int rc = Z_OK;
    do {
      z_.next_out = reinterpret_cast<Bytef*>(chunk);
      z_.avail_out = sizeof chunk;
      rc = deflate(&z_, flush);
      out_.append(chunk, sizeof chunk - z_.avail_out);
    } while (z_.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
  }
  z_stream z_{};
  std::string out_;
};

inline std::string gzip(std::string_view data) {
  GzipWriter writer;
  writer.write(data);
  return writer.finish();
}

inline std::string gzip_zeros(std::size_t count) {
  GzipWriter writer;
  const std::string zeros(1024 * 1024, '\0');
  for (std::size_t left = count; left > 0;) {
    const std::size_t n = std::min(left, zeros.size());
    writer.write(std::string_view(zeros).substr(0, n));
    left -= n;
  }
  return writer.finish();
}

}  // namespace zt::test
