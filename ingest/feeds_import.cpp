#include "ingest/feeds_import.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <variant>

#include "schema-client/feeds/detect.hpp"
#include "schema-client/feeds/osv_archive.hpp"

namespace zt::ingest {
namespace {

namespace fs = std::filesystem;

model::Result<std::string> read_whole(const std::string& name, const fs::path& path) {
  const auto cannot_read = [&](const std::string& why) {
    return model::Error{name + ": cannot read: " + why};
  };
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path, error);
  if (error) return cannot_read(error.message());
  if (size > kMaxFeedFileBytes)
    return cannot_read("larger than " + std::to_string(kMaxFeedFileBytes) + " bytes");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (in) bytes << in.rdbuf();
  if (!in || in.bad()) return cannot_read(std::generic_category().message(errno));
  return bytes.str();
}

// The store of each kind of record a reader gives.
pg::FeedWriteCounts store(pg::Connection& c, const feeds::FeedRead<feeds::OsvRecord>& read) {
  return pg::store_osv_records(c, read.records);
}
pg::FeedWriteCounts store(pg::Connection& c,
                          const feeds::FeedRead<feeds::DebianTrackerEntry>& read) {
  return pg::store_debian_tracker(c, read.records);
}
pg::FeedWriteCounts store(pg::Connection& c, const feeds::FeedRead<feeds::CveRecord>& read) {
  return pg::store_cve_records(c, read.records);
}
pg::FeedWriteCounts store(pg::Connection& c, const feeds::KevRead& read) {
  return pg::store_kev(c, read);
}
pg::FeedWriteCounts store(pg::Connection& c, const feeds::EpssRead& read) {
  return pg::store_epss(c, read);
}

template <typename Read>
FeedImport stored(pg::Connection& connection, std::string name, std::string format, Read& read) {
  FeedImport done{std::move(name), std::move(format), read.records.size(), {}, {}};
  done.counts = store(connection, read);
  done.problems = std::move(read.problems);
  return done;
}

model::Result<FeedImport> import_local(pg::Connection& connection, const std::string& name,
                                       const fs::path& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) {
    auto read = feeds::read_osv_folder(path);
    return stored(connection, name, "OSV folder", read);
  }
  auto bytes = read_whole(name, path);
  if (!bytes) return bytes.error();
  auto file = feeds::read_feed(name, *bytes);
  if (!file) return file.error();
  const std::string format(feeds::name_of(file->format));
  return std::visit([&](auto& read) { return stored(connection, name, format, read); },
                    file->read);
}

// A directory of its own under TMPDIR (else /tmp), removed with it.
class TempDirectory {
 public:
  TempDirectory() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/zt-feed-XXXXXX";
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDirectory() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

bool is_url(const std::string& path_or_url) {
  return path_or_url.find("://") != std::string::npos;
}

}  // namespace

std::string feed_name(const std::string& path_or_url) {
  return is_url(path_or_url) ? displayed_url(path_or_url) : path_or_url;
}

model::Result<FeedImport> import_feed(pg::Connection& connection, const std::string& path_or_url,
                                      const FetchOptions& fetch) {
  // Anything with a scheme is a URL, so that http:// is refused rather than looked for on disk.
  if (!is_url(path_or_url)) return import_local(connection, path_or_url, path_or_url);
  const std::string name = feed_name(path_or_url);
  const TempDirectory temp;
  if (temp.path().empty())
    return model::Error{name + ": cannot download: no temporary directory: " +
                        std::generic_category().message(errno)};
  const fs::path file = temp.path() / "feed";
  if (auto fetched = fetch_https(path_or_url, file, fetch); !fetched) return fetched.error();
  return import_local(connection, name, file);
}

}  // namespace zt::ingest
