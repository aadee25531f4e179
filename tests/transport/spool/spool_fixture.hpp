#pragma once
// Shared by the spool tests: batches with fresh ids, a clock the test moves, gunzip (zlib),
// file modes, and byte surgery on spool files.
#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "schema-client/model/uuid.hpp"
#include "tests/schema-client/sample_batch.hpp"
#include "tests/support/temp_tree.hpp"
#include "transport/spool.hpp"

namespace zt::test {

// A sample batch with a fresh batch_id and `findings` of its findings.
inline model::Batch make_batch(std::size_t findings = 3) {
  model::Batch batch = testing::sample_batch();
  batch.batch_id = model::new_uuid();
  if (findings < batch.findings.size()) batch.findings.resize(findings);
  return batch;
}

// Starts at 2026-11-26T17:00:00Z; the test moves it.
class TestClock {
 public:
  model::Timestamp now() const { return start() + std::chrono::milliseconds(offset_->load()); }
  void advance(std::chrono::milliseconds by) { *offset_ += by.count(); }
  transport::Spool::Clock function() const {
    return [offset = offset_] { return start() + std::chrono::milliseconds(offset->load()); };
  }
  static model::Timestamp start() { return testing::make_time(2026, 11, 26, 17, 0, 0); }

 private:
  std::shared_ptr<std::atomic<long long>> offset_ = std::make_shared<std::atomic<long long>>(0);
};

inline std::unique_ptr<transport::Spool> open_spool(const std::filesystem::path& state,
                                                    transport::SpoolLimits limits = {},
                                                    const TestClock& clock = TestClock()) {
  auto opened = transport::Spool::open(state, limits, clock.function());
  if (!opened) throw std::runtime_error(opened.error().message);
  return std::move(opened).value();
}

inline std::string gunzip(const std::string& compressed) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("inflateInit2");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  std::array<char, 65536> chunk{};
  int rc = Z_OK;
  do {
    z.next_out = reinterpret_cast<Bytef*>(chunk.data());
    z.avail_out = static_cast<uInt>(chunk.size());
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(chunk.data(), chunk.size() - z.avail_out);
  } while (rc == Z_OK);
  inflateEnd(&z);
  if (rc != Z_STREAM_END || z.avail_in != 0) throw std::runtime_error("not one whole gzip member");
  return out;
}

inline unsigned mode_of(const std::filesystem::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) throw std::runtime_error("lstat " + path.string());
  return st.st_mode & 07777;
}

inline std::filesystem::path batch_file(const std::filesystem::path& state, std::uint64_t seq) {
  char name[32];
  std::snprintf(name, sizeof name, "%020llu.batch", static_cast<unsigned long long>(seq));
  return state / "spool" / name;
}

inline void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// Flips every bit of the byte at `offset` (negative: from the end).
inline void flip_byte(const std::filesystem::path& path, long offset) {
  std::string bytes = read_text(path);
  const std::size_t at = offset >= 0 ? static_cast<std::size_t>(offset)
                                     : bytes.size() - static_cast<std::size_t>(-offset);
  bytes.at(at) = static_cast<char>(~bytes.at(at));
  write_bytes(path, bytes);
}

// The names of the files in `folder`, sorted.
inline std::vector<std::string> names_in(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace zt::test
