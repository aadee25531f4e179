#include "transport/spool_record.hpp"

#include <zlib.h>

#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace zt::transport {
namespace {

constexpr std::string_view kRecordSuffix = ".batch";
constexpr std::string_view kProgressSuffix = ".progress";
constexpr std::size_t kSequenceDigits = 20;

void put_u64(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}
void put_u32(std::string& out, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

std::uint64_t get_le(std::string_view bytes, std::size_t offset, int width) {
  std::uint64_t value = 0;
  for (int i = width - 1; i >= 0; --i)
    value = (value << 8) | static_cast<unsigned char>(bytes[offset + static_cast<std::size_t>(i)]);
  return value;
}

std::uint32_t crc32_of(std::string_view bytes) {
  // Headers are at most kMaxRecordHeaderSize bytes: uInt is plenty.
  return static_cast<std::uint32_t>(::crc32(::crc32(0L, Z_NULL, 0),
                                            reinterpret_cast<const Bytef*>(bytes.data()),
                                            static_cast<uInt>(bytes.size())));
}

model::Error bad(const std::string& what) { return model::Error{"spool record: " + what}; }

}  // namespace

model::Result<std::string> encode_record(RecordHeader header, std::string_view payload) {
  if (header.batch_id.empty() || header.batch_id.size() > kMaxBatchIdSize)
    return bad("batch_id must be 1 to " + std::to_string(kMaxBatchIdSize) + " bytes, got " +
               std::to_string(header.batch_id.size()));
  Sha256 hash;
  hash.update(payload);
  header.payload_sha256 = hash.finish();

  std::string out;
  out.reserve(header.size() + payload.size());
  out += kRecordMagic;
  put_u64(out, header.sequence);
  put_u64(out, static_cast<std::uint64_t>(header.spooled_at.time_since_epoch().count()));
  put_u64(out, header.finding_count);
  put_u64(out, payload.size());
  out.append(reinterpret_cast<const char*>(header.payload_sha256.data()),
             header.payload_sha256.size());
  out += static_cast<char>(header.batch_id.size() & 0xff);
  out += static_cast<char>(header.batch_id.size() >> 8);
  out += header.batch_id;
  put_u32(out, crc32_of(out));
  out += payload;
  return out;
}

model::Result<RecordHeader> decode_record_header(std::string_view bytes) {
  if (bytes.size() < kRecordFixedSize)
    return bad("truncated header (" + std::to_string(bytes.size()) + " bytes)");
  if (bytes.substr(0, kRecordMagic.size()) != kRecordMagic) return bad("bad magic");
  const auto id_size = static_cast<std::size_t>(get_le(bytes, 72, 2));
  if (id_size == 0 || id_size > kMaxBatchIdSize)
    return bad("bad batch_id length " + std::to_string(id_size));
  const std::size_t crc_at = kRecordFixedSize - 4 + id_size;
  if (bytes.size() < crc_at + 4)
    return bad("truncated header (" + std::to_string(bytes.size()) + " bytes)");
  if (get_le(bytes, crc_at, 4) != crc32_of(bytes.substr(0, crc_at)))
    return bad("header checksum mismatch");

  RecordHeader header;
  header.sequence = get_le(bytes, 8, 8);
  header.spooled_at =
      model::Timestamp(std::chrono::milliseconds(static_cast<std::int64_t>(get_le(bytes, 16, 8))));
  header.finding_count = get_le(bytes, 24, 8);
  header.payload_size = get_le(bytes, 32, 8);
  for (std::size_t i = 0; i < header.payload_sha256.size(); ++i)
    header.payload_sha256[i] = static_cast<unsigned char>(bytes[40 + i]);
  header.batch_id = std::string(bytes.substr(74, id_size));
  return header;
}

model::Result<RecordView> decode_record(std::string_view file) {
  auto header = decode_record_header(file);
  if (!header) return header.error();
  const std::size_t header_size = header->size();
  const std::uint64_t expected = header_size + header->payload_size;
  if (file.size() != expected)
    return bad((file.size() < expected ? "truncated: " : "trailing bytes: ") +
               std::to_string(file.size()) + " bytes, the header says " + std::to_string(expected));
  const std::string_view payload = file.substr(header_size);
  Sha256 hash;
  hash.update(payload);
  if (hash.finish() != header->payload_sha256) return bad("payload checksum mismatch");
  return RecordView{std::move(header).value(), payload};
}

namespace {

std::string numbered_name(std::uint64_t sequence, std::string_view suffix) {
  char digits[kSequenceDigits + 1];
  std::snprintf(digits, sizeof digits, "%020llu", static_cast<unsigned long long>(sequence));
  return std::string(digits) + std::string(suffix);
}

// The number before `suffix` (which may be followed by more).
std::optional<std::uint64_t> sequence_before(std::string_view file_name, std::string_view suffix) {
  if (file_name.size() < kSequenceDigits + suffix.size() ||
      file_name.substr(kSequenceDigits, suffix.size()) != suffix)
    return std::nullopt;
  std::uint64_t sequence = 0;
  const char* first = file_name.data();
  const char* last = first + kSequenceDigits;
  const auto [end, ec] = std::from_chars(first, last, sequence);
  if (ec != std::errc() || end != last) return std::nullopt;
  return sequence;
}

}  // namespace

std::string record_file_name(std::uint64_t sequence) {
  return numbered_name(sequence, kRecordSuffix);
}

std::string progress_file_name(std::uint64_t sequence) {
  return numbered_name(sequence, kProgressSuffix);
}

std::optional<std::uint64_t> record_sequence(std::string_view file_name) {
  return sequence_before(file_name, kRecordSuffix);
}

std::optional<std::uint64_t> progress_sequence(std::string_view file_name) {
  const auto sequence = sequence_before(file_name, kProgressSuffix);
  if (!sequence || file_name != progress_file_name(*sequence)) return std::nullopt;
  return sequence;
}

}  // namespace zt::transport
