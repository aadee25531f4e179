#pragma once
// Reads the values of a Berkeley DB hash database file: rpm's /var/lib/rpm/Packages (RHEL and
// CentOS 7 and 8, Amazon Linux 2, SLES 12), whose values are rpm header blobs keyed by the
// header number. Berkeley DB 4.x and 5.x on-disk format (db_page.h, hash_page.c):
//
//   page 0, the metadata page: magic 0x061561 at byte 12 (read in either byte order: a file
//     is in the order of the machine that made it), the page size at 20, the encryption
//     algorithm at 24, the page type (8, hash metadata) at 25, flags at 26 (1: pages carry a
//     6-byte checksum after their header), the last page number at 32.
//   pages 1..last: a 26-byte header (next page at 16, entry count at 20, overflow length at 22,
//     type at 25), then the entries' offsets (16-bit). Hash pages (type 13, or 2 for the older
//     unsorted ones) hold key/data pairs: entry 2i is a key, 2i+1 its value; an entry runs
//     from its offset to the previous entry's offset (the first to the page's end) and starts
//     with its kind: 1 the bytes inline, 3 "off page" {pgno at 4, total length at 8} on a chain
//     of overflow pages (type 7), each holding its length's bytes after the header.
//
// Every page is visited in file order, so values come in page order, not key order; keys are
// only looked at to skip rpm's record 0 (a 4-byte zero key whose value is the next header
// number, not a header). Duplicate sets (kinds 2 and 4) are not used by rpm: they are skipped
// with a problem. Encrypted files are refused.
//
// Pure over the file's bytes; never throws; never reads outside them (every offset, length,
// page number and chain is checked; a chain that loops or runs past its length is cut). A
// file that is not a Berkeley DB hash database is an error; a damaged page or value is a
// problem and the rest is still read. The values' total size is capped by `max_total_bytes`.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/result.hpp"

namespace zt::readers {

struct BdbValues {
  std::vector<std::string> values;
  // One line each: "page 12 entry 5: overflow chain ends after 4096 of 7856 bytes".
  std::vector<std::string> problems;
};

model::Result<BdbValues> read_bdb_hash_values(std::string_view file,
                                              std::size_t max_total_bytes);

}  // namespace zt::readers
