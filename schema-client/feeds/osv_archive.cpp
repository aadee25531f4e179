#include "schema-client/feeds/osv_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <span>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "schema-client/feeds/json_fields.hpp"
#include "schema-client/feeds/osv.hpp"
#include "schema-client/feeds/osv_prefilter.hpp"

namespace zt::feeds {
namespace {

std::string past_limit(std::size_t limit) {
  return "larger than the limit of " + std::to_string(limit) + " bytes; skipped";
}

// read_osv() of one file or entry, its records and problems added to `into`; nothing when
// `only` turns it away.
void add_record_file(FeedRead<OsvRecord>& into, std::string_view name, std::string_view bytes,
                     OsvPackageFilter* only) {
  if (only != nullptr && !only->may_concern(bytes)) return;
  FeedRead<OsvRecord> one = read_osv(name, bytes);
  for (OsvRecord& record : one.records) into.records.push_back(std::move(record));
  for (Problem& problem : one.problems) into.problems.push_back(std::move(problem));
}

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// Entry `index` whole, or an error message; at most `limit` bytes whatever its header says.
std::string read_entry(zip_t* archive, zip_uint64_t index, std::size_t limit, std::string& error) {
  std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(archive, index, 0));
  if (!file) {
    error = std::string("cannot open: ") + zip_strerror(archive);
    return {};
  }
  std::string bytes;
  char chunk[64 * 1024];
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), chunk, sizeof chunk);
    if (n < 0) {
      error = std::string("cannot read: ") + zip_file_strerror(file.get());
      return {};
    }
    if (n == 0) return bytes;
    if (bytes.size() + static_cast<std::size_t>(n) > limit) {
      error = past_limit(limit);
      return {};
    }
    bytes.append(chunk, static_cast<std::size_t>(n));
  }
}

// Every entry of an open archive, by the limits.
void read_entries(zip_t* archive, std::string_view name, const ArchiveLimits& limits,
                  OsvPackageFilter* only, FeedRead<OsvRecord>& read) {
  ProblemLog log(std::string(name), read.problems);
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  std::size_t entries = count > 0 ? static_cast<std::size_t>(count) : 0;
  if (entries > limits.max_entries) {
    log.add("$", "has " + std::to_string(entries) + " entries, past the limit of " +
                     std::to_string(limits.max_entries) + "; the rest are skipped");
    entries = limits.max_entries;
  }
  for (std::size_t i = 0; i < entries; ++i) {
    zip_stat_t stat;
    if (zip_stat_index(archive, i, 0, &stat) != 0 || (stat.valid & ZIP_STAT_NAME) == 0) {
      log.add("entry " + std::to_string(i),
              std::string("cannot read: ") + zip_strerror(archive));
      continue;
    }
    const std::string entry = std::string(name) + "/" + stat.name;
    if (std::string_view(stat.name).ends_with('/')) continue;  // a folder
    std::string problem;
    std::string content;
    if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > limits.max_entry_bytes)
      problem = past_limit(limits.max_entry_bytes);
    else
      content = read_entry(archive, i, limits.max_entry_bytes, problem);
    if (!problem.empty())
      read.problems.push_back({entry, "$", problem});
    else
      add_record_file(read, entry, content, only);
  }
}

// The archive `open` made (zip_open from a path or a buffer), read; or the problem saying it
// is not one.
template <typename Open>
FeedRead<OsvRecord> read_zip(std::string_view name, const ArchiveLimits& limits,
                             OsvPackageFilter* only, Open open) {
  FeedRead<OsvRecord> read;
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_t, ZipCloser> archive(open(&error));
  if (!archive) {
    read.problems.push_back(
        {std::string(name), "$", std::string("not a zip archive: ") + zip_error_strerror(&error)});
    zip_error_fini(&error);
    return read;
  }
  zip_error_fini(&error);
  read_entries(archive.get(), name, limits, only, read);
  return read;
}

// Each record file, by the limits: one open and reads to its end, no separate look-up of its
// size (opening a file by its path is the cost that counts when there are 40,000).
void read_files(std::span<const std::filesystem::path> files, const ArchiveLimits& limits,
                OsvPackageFilter* only, FeedRead<OsvRecord>& read) {
  std::string bytes;
  for (const std::filesystem::path& file : files) {
    const std::string name = file.string();
    std::ifstream in(file, std::ios::binary);
    bytes.clear();
    char chunk[16 * 1024];
    while (in && bytes.size() <= limits.max_entry_bytes) {
      in.read(chunk, sizeof chunk);
      bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
    }
    if (bytes.size() > limits.max_entry_bytes)
      read.problems.push_back({name, "$", past_limit(limits.max_entry_bytes)});
    else if (in.bad() || !in.eof())
      read.problems.push_back({name, "$", "cannot read the file"});
    else
      add_record_file(read, name, bytes, only);
  }
}

}  // namespace

FeedRead<OsvRecord> read_osv_zip(std::string_view name, std::string_view bytes,
                                 const ArchiveLimits& limits, OsvPackageFilter* only) {
  return read_zip(name, limits, only, [bytes](zip_error_t* error) -> zip_t* {
    // The source borrows `bytes` (freep 0); the archive owns the source once opened.
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, error);
    if (source == nullptr) return nullptr;
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, error);
    if (archive == nullptr) zip_source_free(source);
    return archive;
  });
}

FeedRead<OsvRecord> read_osv_zip_file(const std::filesystem::path& path,
                                      const ArchiveLimits& limits, OsvPackageFilter* only) {
  return read_zip(path.string(), limits, only, [&path](zip_error_t* error) -> zip_t* {
    int code = 0;
    // libzip takes UTF-8 names, on Windows too (where path::c_str() is UTF-16).
    const std::u8string name = path.u8string();
    zip_t* archive = zip_open(reinterpret_cast<const char*>(name.c_str()), ZIP_RDONLY, &code);
    if (archive == nullptr) zip_error_init_with_code(error, code);
    return archive;
  });
}

FeedRead<OsvRecord> read_osv_folder(const std::filesystem::path& folder,
                                    const ArchiveLimits& limits, OsvPackageFilter* only) {
  namespace fs = std::filesystem;
  FeedRead<OsvRecord> read;
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && it->path().extension() == ".json")
      files.push_back(it->path());
  }
  if (ec) read.problems.push_back({folder.string(), "$", "cannot list: " + ec.message()});
  if (files.size() > limits.max_entries) {
    read.problems.push_back({folder.string(), "$",
                             "has " + std::to_string(files.size()) +
                                 " record files, past the limit of " +
                                 std::to_string(limits.max_entries) + "; the rest are skipped"});
  }
  std::sort(files.begin(), files.end());
  files.resize(std::min(files.size(), limits.max_entries));

  // Two readers, each over half of the files in order: most of the time goes to opening
  // files, which the kernel does for both at once. The halves are joined in path order.
  const std::size_t half = files.size() < 1000 ? files.size() : files.size() / 2;
  FeedRead<OsvRecord> second;
  std::thread reader([&] { read_files({files.begin() + half, files.end()}, limits, only, second); });
  read_files({files.begin(), files.begin() + half}, limits, only, read);
  reader.join();
  std::move(second.records.begin(), second.records.end(), std::back_inserter(read.records));
  std::move(second.problems.begin(), second.problems.end(), std::back_inserter(read.problems));
  return read;
}

}  // namespace zt::feeds
