#include "collectors/readers/rpm_bdb.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <optional>

#include "collectors/readers/rpm_bytes.hpp"

namespace zt::readers {
namespace {

using model::Error;
using model::Result;

constexpr std::uint32_t kHashMagic = 0x061561;
constexpr std::size_t kMinPageSize = 512;
constexpr std::size_t kMaxPageSize = 65536;
constexpr std::size_t kPageHeaderBytes = 26;
constexpr std::size_t kChecksumBytes = 6;
constexpr std::uint8_t kChecksumFlag = 0x01;

constexpr std::uint8_t kPageHashUnsorted = 2;
constexpr std::uint8_t kPageOverflow = 7;
constexpr std::uint8_t kPageHashMeta = 8;
constexpr std::uint8_t kPageHash = 13;

constexpr std::uint8_t kItemKeyData = 1;
constexpr std::uint8_t kItemOffPage = 3;
constexpr std::size_t kOffPageBytes = 12;

std::uint8_t byte_at(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint8_t>(bytes[at]);
}

std::string hex(std::uint32_t value) {
  std::array<char, 8> digits{};
  const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value, 16).ptr;
  return "0x" + std::string(digits.data(), end);
}

class HashReader {
 public:
  HashReader(std::string_view file, ByteOrder order, std::size_t page_size, std::size_t overhead,
             std::uint32_t last_page, std::size_t max_total_bytes, BdbValues& out)
      : file_(file), order_(order), page_size_(page_size), overhead_(overhead),
        last_page_(last_page), max_total_(max_total_bytes), out_(out) {}

  // Reads one page's values; false once the cap is reached (the rest is not read).
  bool read_page(std::uint32_t pgno) {
    const std::string_view page = page_at(pgno);
    const std::uint8_t type = byte_at(page, 25);
    if (type != kPageHash && type != kPageHashUnsorted) return true;
    const std::size_t entries = load_u16(page, 20, order_);
    if (overhead_ + 2 * entries > page_size_) {
      problem(pgno, "its " + std::to_string(entries) + " entries overflow the page");
      return true;
    }
    for (std::size_t k = 0; k + 1 < entries; k += 2) {
      const auto key = item(page, k, entries);
      const auto value = item(page, k + 1, entries);
      if (!key || !value) {
        problem(pgno, "entry " + std::to_string(k) + " or " + std::to_string(k + 1) +
                          " lies outside the page");
        continue;
      }
      if (is_record_zero(*key)) continue;
      if (!add_value(pgno, k + 1, *value)) return false;
    }
    return true;
  }

 private:
  std::string_view page_at(std::uint32_t pgno) const {
    return file_.substr(std::size_t{pgno} * page_size_, page_size_);
  }

  // Entry k: from its offset to the previous entry's (the first one to the page's end), after
  // the offsets array. nullopt when it does not fit there.
  std::optional<std::string_view> item(std::string_view page, std::size_t k,
                                       std::size_t entries) const {
    const std::size_t begin = load_u16(page, overhead_ + 2 * k, order_);
    const std::size_t end = k == 0 ? page_size_ : load_u16(page, overhead_ + 2 * (k - 1), order_);
    if (begin < overhead_ + 2 * entries || begin >= end || end > page_size_) return std::nullopt;
    return page.substr(begin, end - begin);
  }

  // rpm keeps the next header number under the 4-byte key 0.
  static bool is_record_zero(std::string_view key) {
    return key.size() == 5 && byte_at(key, 0) == kItemKeyData &&
           key.substr(1) == std::string_view("\0\0\0\0", 4);
  }

  bool add_value(std::uint32_t pgno, std::size_t k, std::string_view item) {
    const std::string where = "entry " + std::to_string(k) + ": ";
    std::optional<std::string> value;
    if (byte_at(item, 0) == kItemKeyData) {
      value = std::string(item.substr(1));
    } else if (byte_at(item, 0) == kItemOffPage) {
      if (item.size() < kOffPageBytes) {
        problem(pgno, where + "off-page reference of " + std::to_string(item.size()) + " bytes");
        return true;
      }
      const std::uint32_t length = load_u32(item, 8, order_);
      if (length > max_total_ - total_) return over_cap();
      value = overflow_chain(load_u32(item, 4, order_), length);
      if (!value) {
        problem(pgno, where + chain_error_);
        return true;
      }
    } else {
      problem(pgno, where + "item of kind " + std::to_string(byte_at(item, 0)) +
                        " (not inline or off-page data) skipped");
      return true;
    }
    if (value->size() > max_total_ - total_) return over_cap();
    total_ += value->size();
    out_.values.push_back(std::move(*value));
    return true;
  }

  // The `length` bytes of the overflow pages chained from `pgno`; nullopt, with chain_error_
  // set, when the chain leaves the file, meets another kind of page, loops, or does not hold
  // exactly `length` bytes.
  std::optional<std::string> overflow_chain(std::uint32_t pgno, std::uint32_t length) {
    std::string value;
    // No more than the file's pages can hold, whatever a damaged length says.
    value.reserve(std::min<std::size_t>(length, std::size_t{last_page_} * page_size_));
    for (std::uint32_t steps = 0; value.size() < length; ++steps) {
      const std::string at = "overflow page " + std::to_string(pgno) + ": ";
      if (pgno == 0 || pgno > last_page_ || steps > last_page_) {
        chain_error_ = "overflow chain ends after " + std::to_string(value.size()) + " of " +
                       std::to_string(length) + " bytes (next page " + std::to_string(pgno) +
                       ")";
        return std::nullopt;
      }
      const std::string_view page = page_at(pgno);
      const std::size_t size = load_u16(page, 22, order_);
      if (byte_at(page, 25) != kPageOverflow || size == 0 || overhead_ + size > page_size_) {
        chain_error_ = at + "not an overflow page of 1 to " +
                       std::to_string(page_size_ - overhead_) + " bytes";
        return std::nullopt;
      }
      if (value.size() + size > length) {
        chain_error_ = at + "the chain holds more than its " + std::to_string(length) + " bytes";
        return std::nullopt;
      }
      value.append(page.substr(overhead_, size));
      pgno = load_u32(page, 16, order_);
    }
    return value;
  }

  bool over_cap() {
    out_.problems.push_back("the values exceed the cap of " + std::to_string(max_total_) +
                            " bytes: the rest of the file is not read");
    return false;
  }

  void problem(std::uint32_t pgno, const std::string& what) {
    out_.problems.push_back("page " + std::to_string(pgno) + ": " + what);
  }

  std::string_view file_;
  ByteOrder order_;
  std::size_t page_size_;
  std::size_t overhead_;
  std::uint32_t last_page_;
  std::size_t max_total_;
  std::size_t total_ = 0;
  std::string chain_error_;
  BdbValues& out_;
};

}  // namespace

Result<BdbValues> read_bdb_hash_values(std::string_view file, std::size_t max_total_bytes) {
  if (file.size() < kMinPageSize)
    return Error{"not a Berkeley DB hash database: " + std::to_string(file.size()) +
                 " bytes, less than one page"};
  ByteOrder order = ByteOrder::little;
  if (load_u32(file, 12, ByteOrder::big) == kHashMagic) {
    order = ByteOrder::big;
  } else if (load_u32(file, 12, ByteOrder::little) != kHashMagic) {
    return Error{"not a Berkeley DB hash database: magic " +
                 hex(load_u32(file, 12, ByteOrder::little)) + ", expected 0x061561"};
  }
  const std::size_t page_size = load_u32(file, 20, order);
  if (page_size < kMinPageSize || page_size > kMaxPageSize || (page_size & (page_size - 1)) != 0)
    return Error{"Berkeley DB page size " + std::to_string(page_size) +
                 " is not a power of two from 512 to 65536"};
  if (file.size() < page_size)
    return Error{"Berkeley DB file of " + std::to_string(file.size()) +
                 " bytes, shorter than its first " + std::to_string(page_size) + "-byte page"};
  if (byte_at(file, 24) != 0) return Error{"Berkeley DB file is encrypted"};
  if (byte_at(file, 25) != kPageHashMeta)
    return Error{"Berkeley DB page 0 is of type " + std::to_string(byte_at(file, 25)) +
                 ", not hash metadata (8)"};
  const std::size_t overhead =
      kPageHeaderBytes + ((byte_at(file, 26) & kChecksumFlag) != 0 ? kChecksumBytes : 0);

  BdbValues out;
  std::uint32_t last_page = load_u32(file, 32, order);
  const std::size_t pages_in_file = file.size() / page_size;
  if (last_page >= pages_in_file) {
    out.problems.push_back("the file ends after " + std::to_string(pages_in_file) +
                           " pages, before its last page " + std::to_string(last_page));
    last_page = static_cast<std::uint32_t>(pages_in_file - 1);
  }
  HashReader reader(file, order, page_size, overhead, last_page, max_total_bytes, out);
  for (std::uint32_t pgno = 1; pgno <= last_page; ++pgno)
    if (!reader.read_page(pgno)) break;
  return out;
}

}  // namespace zt::readers
