#pragma once
// OSV records by the many: a folder of "*.json" record files (searched recursively, in path
// order) and an "all.zip" as osv.dev exports each ecosystem (one record per entry). Each file
// or entry is read by read_osv(); its problems name it ("all.zip/DSA-5514-1.json"). Past the
// limits an entry or file is skipped and reported, and a zip with too many entries is read up
// to the limit and reported; a file that cannot be read, or bytes that are not a zip, are a
// problem, never an exception. The folder reader does I/O (std::filesystem, never follows a
// symlink to a directory); read_osv_zip is pure over its bytes, read_osv_zip_file reads the
// archive from its file as it goes (never the whole file in memory). With a filter, only the
// records it lets through are parsed (osv_prefilter.hpp). Any thread.
#include <cstddef>
#include <filesystem>
#include <string_view>

#include "schema-client/feeds/records.hpp"

namespace zt::feeds {

struct ArchiveLimits {
  std::size_t max_entry_bytes = 64 * 1024 * 1024;
  std::size_t max_entries = 2'000'000;
};

class OsvPackageFilter;

FeedRead<OsvRecord> read_osv_folder(const std::filesystem::path& folder,
                                    const ArchiveLimits& limits = {},
                                    OsvPackageFilter* only = nullptr);
FeedRead<OsvRecord> read_osv_zip(std::string_view name, std::string_view bytes,
                                 const ArchiveLimits& limits = {},
                                 OsvPackageFilter* only = nullptr);
FeedRead<OsvRecord> read_osv_zip_file(const std::filesystem::path& path,
                                      const ArchiveLimits& limits = {},
                                      OsvPackageFilter* only = nullptr);

}  // namespace zt::feeds
