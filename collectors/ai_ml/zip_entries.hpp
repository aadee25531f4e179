#pragma once
// The entries of a zip archive (PyTorch's .pt/.pth/.bin/.ckpt, NumPy's .npz) read from its
// local file headers, front to back, so that the first bytes of a multi-gigabyte archive are
// enough for the small entries written first (PyTorch writes data.pkl first). Zip64 sizes are
// read from their extra field. An entry whose sizes are in a data descriptor after its data is
// the last one listed (its end is not known); a deflated one can still be read, since deflate
// data ends itself. Pure; never throws.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/result.hpp"

namespace zt::ai_ml {

struct ZipEntry {
  std::string name;
  std::uint16_t method = 0;  // 0 stored, 8 deflated
  std::uint64_t compressed_size = 0;
  std::size_t data_offset = 0;
  bool size_known = true;  // false: sizes in a data descriptor
};

struct ZipListing {
  std::vector<ZipEntry> entries;
  // Why the listing ended before the central directory: the bytes ended inside a header or
  // an entry ("truncated …"), or something else than a local header came.
  std::string error;
};

bool is_zip(std::string_view bytes);  // starts with a local file header

ZipListing zip_entries(std::string_view bytes, std::size_t max_entries = 4096);

// The entry's content: stored bytes as they are, deflated ones inflated up to `limit`. An
// error when the entry runs past `bytes` or uses another method.
model::Result<std::string> zip_entry_content(std::string_view bytes, const ZipEntry& entry,
                                             std::size_t limit);

}  // namespace zt::ai_ml
