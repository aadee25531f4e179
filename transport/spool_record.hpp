#pragma once
// One spooled batch on disk: the file "<sequence>.batch" (sequence zero-padded to 20 digits),
// record format version 1. Integers are little-endian.
//
//   offset  size  field
//   0       8     magic "ZTSPOOL1" (the trailing digit is the format version)
//   8       8     sequence, equal to the number in the file name
//   16      8     spooled_at, milliseconds since the Unix epoch (UTC), signed
//   24      8     finding_count
//   32      8     payload_size
//   40      32    SHA-256 of the payload
//   72      2     batch_id length n, 1..255
//   74      n     batch_id (normally a UUID)
//   74+n    4     CRC-32 (zlib's) of bytes 0 .. 74+n, the header before it
//   78+n          payload: the request body, the batch's wire-format JSON gzip-compressed
//
// Two checks, each sized to its job: the CRC-32 guards the small header, so a torn or damaged
// header is caught before its lengths are trusted; the SHA-256 guards the payload. A file is
// whole only if both match and its size is exactly header + payload_size: a shorter file is a
// torn write, a longer one is damaged.
//
// Pure functions and a hasher, no I/O; safe from any thread.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "schema-client/model/result.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::transport {

inline constexpr std::string_view kRecordMagic = "ZTSPOOL1";
inline constexpr std::size_t kRecordFixedSize = 78;  // the header without the batch_id
inline constexpr std::size_t kMaxBatchIdSize = 255;
inline constexpr std::size_t kMaxRecordHeaderSize = kRecordFixedSize + kMaxBatchIdSize;

using Sha256Digest = std::array<unsigned char, 32>;

struct RecordHeader {
  std::uint64_t sequence = 0;
  std::string batch_id;
  std::uint64_t finding_count = 0;
  model::Timestamp spooled_at{};
  std::uint64_t payload_size = 0;
  Sha256Digest payload_sha256{};

  std::size_t size() const { return kRecordFixedSize + batch_id.size(); }
};

// The whole file for `payload`. payload_size and payload_sha256 of `header` are ignored and
// computed here. Error when the batch_id is empty or longer than 255 bytes.
model::Result<std::string> encode_record(RecordHeader header, std::string_view payload);

// Reads the header at the start of `bytes` (which may hold more: the payload or part of it).
// Errors say what is wrong: truncated, bad magic, bad batch_id length, checksum mismatch.
model::Result<RecordHeader> decode_record_header(std::string_view bytes);

// A whole file: header, exact size, payload digest. `payload` points into `file`.
struct RecordView {
  RecordHeader header;
  std::string_view payload;
};
model::Result<RecordView> decode_record(std::string_view file);

// "<sequence zero-padded to 20 digits>.batch", so that names sort as numbers do.
std::string record_file_name(std::uint64_t sequence);
// "<sequence zero-padded to 20 digits>.progress": the delivery's progress (scan_progress.hpp).
std::string progress_file_name(std::uint64_t sequence);
// The sequence of a name progress_file_name() made; nullopt for any other name.
std::optional<std::uint64_t> progress_sequence(std::string_view file_name);
// The sequence of a record file name (also of a name that continues after ".batch", like
// the ".1" of a second file of that name in quarantine/); nullopt for any other name.
std::optional<std::uint64_t> record_sequence(std::string_view file_name);

// SHA-256 fed in pieces (OpenSSL on Linux, CNG on Windows), for checking a payload without
// holding all of it.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view data);
  Sha256Digest finish();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace zt::transport
