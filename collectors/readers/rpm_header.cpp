#include "collectors/readers/rpm_header.hpp"

#include <array>

#include "collectors/readers/rpm_bytes.hpp"

namespace zt::readers {
namespace {

using model::Error;
using model::Result;

constexpr std::size_t kPreambleBytes = 8;
constexpr std::size_t kEntryBytes = 16;

// rpm's tag types (rpmtag.h, rpmTagType).
constexpr std::uint32_t kTypeInt32 = 4;
constexpr std::uint32_t kTypeString = 6;
constexpr std::uint32_t kTypeStringArray = 8;
constexpr std::uint32_t kTypeI18nString = 9;

constexpr std::uint32_t kTagName = 1000;
constexpr std::uint32_t kTagVersion = 1001;
constexpr std::uint32_t kTagRelease = 1002;
constexpr std::uint32_t kTagEpoch = 1003;
constexpr std::uint32_t kTagLicense = 1014;
constexpr std::uint32_t kTagArch = 1022;
constexpr std::uint32_t kTagSourceRpm = 1044;

struct StringTag {
  std::uint32_t tag;
  std::string RpmPackage::*field;
  const char* name;
};
constexpr std::array<StringTag, 6> kStringTags{{
    {kTagName, &RpmPackage::name, "NAME"},
    {kTagVersion, &RpmPackage::version, "VERSION"},
    {kTagRelease, &RpmPackage::release, "RELEASE"},
    {kTagLicense, &RpmPackage::license, "LICENSE"},
    {kTagArch, &RpmPackage::arch, "ARCH"},
    {kTagSourceRpm, &RpmPackage::source_rpm, "SOURCERPM"},
}};

struct Entry {
  std::size_t index;
  std::uint32_t tag;
  std::uint32_t type;
  std::int64_t offset;  // signed in the format: a region trailer's is negative
  std::uint32_t count;
};

std::string where(const Entry& e) {
  return "entry " + std::to_string(e.index) + " (tag " + std::to_string(e.tag) + ")";
}

// The first string of a STRING, I18NSTRING (its first translation) or STRING_ARRAY entry.
Result<std::string> string_of(const Entry& e, std::string_view data) {
  if (e.type != kTypeString && e.type != kTypeI18nString && e.type != kTypeStringArray)
    return Error{where(e) + ": type " + std::to_string(e.type) + " is not a string type"};
  if (e.count == 0) return Error{where(e) + ": count 0"};
  if (e.offset < 0 || static_cast<std::uint64_t>(e.offset) >= data.size())
    return Error{where(e) + ": offset " + std::to_string(e.offset) + " outside the " +
                 std::to_string(data.size()) + "-byte data store"};
  const auto start = static_cast<std::size_t>(e.offset);
  const std::size_t end = data.find('\0', start);
  if (end == std::string_view::npos)
    return Error{where(e) + ": string at offset " + std::to_string(start) +
                 " has no terminator in the " + std::to_string(data.size()) +
                 "-byte data store"};
  return std::string(data.substr(start, end - start));
}

Result<std::uint32_t> int32_of(const Entry& e, std::string_view data) {
  if (e.type != kTypeInt32)
    return Error{where(e) + ": type " + std::to_string(e.type) + " is not INT32"};
  if (e.count == 0) return Error{where(e) + ": count 0"};
  if (e.offset < 0 || static_cast<std::uint64_t>(e.offset) + 4 > data.size())
    return Error{where(e) + ": INT32 at offset " + std::to_string(e.offset) + " outside the " +
                 std::to_string(data.size()) + "-byte data store"};
  return load_u32(data, static_cast<std::size_t>(e.offset), ByteOrder::big);
}

}  // namespace

Result<RpmPackage> parse_rpm_header(std::string_view blob) {
  if (blob.size() < kPreambleBytes)
    return Error{"header of " + std::to_string(blob.size()) +
                 " bytes, shorter than its 8-byte preamble"};
  const std::uint32_t entries = load_u32(blob, 0, ByteOrder::big);
  const std::uint32_t data_length = load_u32(blob, 4, ByteOrder::big);
  if (entries == 0 || entries > kRpmHeaderMaxEntries)
    return Error{"header with " + std::to_string(entries) + " index entries (1 to " +
                 std::to_string(kRpmHeaderMaxEntries) + " expected)"};
  if (data_length > kRpmHeaderMaxData)
    return Error{"header data store of " + std::to_string(data_length) + " bytes, over rpm's " +
                 std::to_string(kRpmHeaderMaxData)};
  const std::uint64_t index_end = kPreambleBytes + std::uint64_t{entries} * kEntryBytes;
  if (index_end + data_length > blob.size())
    return Error{"header truncated: " + std::to_string(blob.size()) + " bytes, its " +
                 std::to_string(entries) + " index entries and " + std::to_string(data_length) +
                 "-byte data store need " + std::to_string(index_end + data_length)};
  const std::string_view data = blob.substr(index_end, data_length);

  RpmPackage package;
  std::array<bool, kStringTags.size()> seen{};
  bool epoch_seen = false;
  for (std::size_t i = 0; i < entries; ++i) {
    const std::size_t at = kPreambleBytes + i * kEntryBytes;
    const Entry e{i, load_u32(blob, at, ByteOrder::big), load_u32(blob, at + 4, ByteOrder::big),
                  static_cast<std::int32_t>(load_u32(blob, at + 8, ByteOrder::big)),
                  load_u32(blob, at + 12, ByteOrder::big)};
    if (e.tag == kTagEpoch && !epoch_seen) {
      auto epoch = int32_of(e, data);
      if (!epoch) return epoch.error();
      package.epoch = *epoch;
      epoch_seen = true;
      continue;
    }
    for (std::size_t t = 0; t < kStringTags.size(); ++t) {
      if (kStringTags[t].tag != e.tag || seen[t]) continue;
      auto text = string_of(e, data);
      if (!text) return text.error();
      package.*kStringTags[t].field = std::move(*text);
      seen[t] = true;
    }
  }
  for (std::size_t t = 0; t < 3; ++t)  // NAME, VERSION, RELEASE
    if (!seen[t])
      return Error{"header has no " + std::string(kStringTags[t].name) + " tag (" +
                   std::to_string(kStringTags[t].tag) + ")"};
  return package;
}

std::string rpm_evr(const RpmPackage& package) {
  std::string evr = package.epoch ? std::to_string(*package.epoch) + ":" : std::string();
  return evr + package.version + "-" + package.release;
}

}  // namespace zt::readers
