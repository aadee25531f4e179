#include "collectors/ai_ml/zip_entries.hpp"

#include <optional>

#include "schema-client/base/gzip.hpp"

namespace zt::ai_ml {
namespace {

constexpr std::string_view kLocalHeader{"PK\x03\x04", 4};
constexpr std::string_view kCentralHeader{"PK\x01\x02", 4};
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::uint16_t kZip64ExtraId = 0x0001;
constexpr std::uint32_t kZip64Marker = 0xffffffff;
constexpr std::uint16_t kDataDescriptorFlag = 0x0008;

std::uint64_t little_endian(std::string_view bytes, std::size_t at, std::size_t width) {
  std::uint64_t n = 0;
  for (std::size_t i = width; i-- > 0;) n = (n << 8) | static_cast<unsigned char>(bytes[at + i]);
  return n;
}

// The compressed size from a Zip64 extra field (after the uncompressed size), if any.
std::optional<std::uint64_t> zip64_compressed_size(std::string_view extra) {
  for (std::size_t at = 0; at + 4 <= extra.size();) {
    const auto id = little_endian(extra, at, 2);
    const auto size = static_cast<std::size_t>(little_endian(extra, at + 2, 2));
    if (at + 4 + size > extra.size()) break;
    if (id == kZip64ExtraId && size >= 16) return little_endian(extra, at + 4 + 8, 8);
    at += 4 + size;
  }
  return std::nullopt;
}

}  // namespace

bool is_zip(std::string_view bytes) { return bytes.starts_with(kLocalHeader); }

ZipListing zip_entries(std::string_view bytes, std::size_t max_entries) {
  ZipListing out;
  std::size_t at = 0;
  while (out.entries.size() < max_entries) {
    if (at == bytes.size() || bytes.substr(at).starts_with(kCentralHeader)) break;
    if (!bytes.substr(at).starts_with(kLocalHeader)) {
      out.error = bytes.size() - at < kLocalHeader.size()
                      ? "truncated at offset " + std::to_string(at)
                      : "no local file header at offset " + std::to_string(at);
      break;
    }
    if (bytes.size() - at < kLocalHeaderSize) {
      out.error = "truncated at offset " + std::to_string(at);
      break;
    }
    ZipEntry entry;
    const auto flags = static_cast<std::uint16_t>(little_endian(bytes, at + 6, 2));
    entry.method = static_cast<std::uint16_t>(little_endian(bytes, at + 8, 2));
    entry.compressed_size = little_endian(bytes, at + 18, 4);
    const auto name_size = static_cast<std::size_t>(little_endian(bytes, at + 26, 2));
    const auto extra_size = static_cast<std::size_t>(little_endian(bytes, at + 28, 2));
    if (bytes.size() - at - kLocalHeaderSize < name_size + extra_size) {
      out.error = "truncated at offset " + std::to_string(at);
      break;
    }
    entry.name = std::string(bytes.substr(at + kLocalHeaderSize, name_size));
    const std::string_view extra = bytes.substr(at + kLocalHeaderSize + name_size, extra_size);
    entry.data_offset = at + kLocalHeaderSize + name_size + extra_size;
    if (entry.compressed_size == kZip64Marker)
      if (auto size = zip64_compressed_size(extra)) entry.compressed_size = *size;
    entry.size_known = !((flags & kDataDescriptorFlag) && entry.compressed_size == 0);
    out.entries.push_back(entry);
    if (!entry.size_known) break;
    if (entry.compressed_size > bytes.size() - entry.data_offset) {
      out.error = "truncated in entry " + entry.name;
      break;
    }
    at = entry.data_offset + static_cast<std::size_t>(entry.compressed_size);
  }
  return out;
}

model::Result<std::string> zip_entry_content(std::string_view bytes, const ZipEntry& entry,
                                             std::size_t limit) {
  if (entry.data_offset > bytes.size())
    return model::Error{"entry " + entry.name + " lies past the bytes read"};
  const std::string_view rest = bytes.substr(entry.data_offset);
  if (entry.method == 8)
    return base::inflate(entry.size_known ? rest.substr(0, entry.compressed_size) : rest, limit,
                         base::DeflateWrapper::raw);
  if (entry.method != 0)
    return model::Error{"entry " + entry.name + ": compression method " +
                        std::to_string(entry.method) + " is not read"};
  if (!entry.size_known)
    return model::Error{"entry " + entry.name + ": stored with its size after its data"};
  if (entry.compressed_size > rest.size())
    return model::Error{"entry " + entry.name + " lies past the bytes read"};
  if (entry.compressed_size > limit)
    return model::Error{"entry " + entry.name + " is larger than " + std::to_string(limit) +
                        " bytes"};
  return std::string(rest.substr(0, static_cast<std::size_t>(entry.compressed_size)));
}

}  // namespace zt::ai_ml
