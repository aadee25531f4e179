#include "schema-client/feeds/osv_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "schema-client/feeds/json_fields.hpp"
#include "schema-client/feeds/osv.hpp"

namespace zt::feeds {
namespace {

std::string past_limit(std::size_t limit) {
  return "larger than the limit of " + std::to_string(limit) + " bytes; skipped";
}

// read_osv() of one file or entry, its records and problems added to `into`.
void add_record_file(FeedRead<OsvRecord>& into, std::string_view name, std::string_view bytes) {
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

}  // namespace

FeedRead<OsvRecord> read_osv_zip(std::string_view name, std::string_view bytes,
                                 const ArchiveLimits& limits) {
  FeedRead<OsvRecord> read;
  ProblemLog log(std::string(name), read.problems);
  zip_error_t error;
  zip_error_init(&error);
  // The source borrows `bytes` (freep 0); the archive owns the source once opened.
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  std::unique_ptr<zip_t, ZipCloser> archive;
  if (source != nullptr) {
    archive.reset(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!archive) zip_source_free(source);
  }
  if (!archive) {
    log.add("$", std::string("not a zip archive: ") + zip_error_strerror(&error));
    zip_error_fini(&error);
    return read;
  }
  zip_error_fini(&error);

  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  std::size_t entries = count > 0 ? static_cast<std::size_t>(count) : 0;
  if (entries > limits.max_entries) {
    log.add("$", "has " + std::to_string(entries) + " entries, past the limit of " +
                     std::to_string(limits.max_entries) + "; the rest are skipped");
    entries = limits.max_entries;
  }
  for (std::size_t i = 0; i < entries; ++i) {
    zip_stat_t stat;
    if (zip_stat_index(archive.get(), i, 0, &stat) != 0 || (stat.valid & ZIP_STAT_NAME) == 0) {
      log.add("entry " + std::to_string(i),
              std::string("cannot read: ") + zip_strerror(archive.get()));
      continue;
    }
    const std::string entry = std::string(name) + "/" + stat.name;
    if (std::string_view(stat.name).ends_with('/')) continue;  // a folder
    std::string problem;
    std::string content;
    if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > limits.max_entry_bytes)
      problem = past_limit(limits.max_entry_bytes);
    else
      content = read_entry(archive.get(), i, limits.max_entry_bytes, problem);
    if (!problem.empty())
      read.problems.push_back({entry, "$", problem});
    else
      add_record_file(read, entry, content);
  }
  return read;
}

FeedRead<OsvRecord> read_osv_folder(const std::filesystem::path& folder,
                                    const ArchiveLimits& limits) {
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
  std::sort(files.begin(), files.end());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string name = files[i].string();
    if (i == limits.max_entries) {
      read.problems.push_back({folder.string(), "$",
                               "has " + std::to_string(files.size()) +
                                   " record files, past the limit of " +
                                   std::to_string(limits.max_entries) + "; the rest are skipped"});
      break;
    }
    std::error_code size_ec;
    const auto size = fs::file_size(files[i], size_ec);
    if (!size_ec && size > limits.max_entry_bytes) {
      read.problems.push_back({name, "$", past_limit(limits.max_entry_bytes)});
      continue;
    }
    std::ifstream in(files[i], std::ios::binary);
    std::string bytes;
    if (in && !size_ec) {
      bytes.resize(size);
      in.read(bytes.data(), static_cast<std::streamsize>(size));
    }
    if (!in || size_ec) {
      read.problems.push_back({name, "$", "cannot read the file"});
      continue;
    }
    add_record_file(read, name, bytes);
  }
  return read;
}

}  // namespace zt::feeds
