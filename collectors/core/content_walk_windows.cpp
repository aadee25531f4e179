// The content walk on Windows (content_walk.hpp), by path: folders listed with
// FindFirstFileExW, entries sorted by name, files opened with FILE_FLAG_OPEN_REPARSE_POINT and
// checked with GetFileInformationByHandle. A reparse point (symlink, junction, mounted volume,
// cloud placeholder) is never entered or read: it is counted as a symlink, so the walk cannot
// leave its root or reach another volume. Windows has no mode bits: files are reported as
// HostFs reports them (0644, uid 0) and as reachable by others (their ACLs are not read).
#include <windows.h>

#include <algorithm>

#include "collectors/core/content_walk.hpp"
#include "collectors/core/content_walk_steps.hpp"
#include "schema-client/base/windows_error.hpp"

namespace zt::collector {
namespace {

using namespace walk;

struct HandleCloser {
  void operator()(HANDLE handle) const { CloseHandle(handle); }
};
using Handle = std::unique_ptr<void, HandleCloser>;

enum class EntryKind { directory, file, reparse };

struct Entry {
  std::string name;
  EntryKind kind;
};

std::string utf8(std::wstring_view text) {
  if (text.empty()) return {};
  const int size = WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()),
                                       nullptr, 0, nullptr, nullptr);
  std::string out(static_cast<std::size_t>(size), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), size,
                      nullptr, nullptr);
  return out;
}

std::chrono::system_clock::time_point to_time_point(FILETIME time) {
  // 100 ns ticks since 1601-01-01; the Unix epoch is 11644473600 s later.
  const auto ticks = (static_cast<long long>(time.dwHighDateTime) << 32) | time.dwLowDateTime;
  return std::chrono::system_clock::time_point{std::chrono::duration_cast<
      std::chrono::system_clock::duration>(std::chrono::nanoseconds{(ticks % 10000000) * 100} +
                                           std::chrono::seconds{ticks / 10000000 - 11644473600})};
}

class Walker {
 public:
  Walker(const HostFs& fs, const WalkOptions& options, std::span<FileDetector* const> detectors,
         const std::function<bool()>& should_stop)
      : fs_(fs),
        options_(options),
        detectors_(detectors),
        should_stop_(should_stop),
        start_(std::chrono::steady_clock::now()),
        wanted_(detectors.size()) {
    for (const FileDetector* detector : detectors_)
      every_text_ = every_text_ || detector->interest().every_text_file;
    buffer_.resize(std::max<std::size_t>(options_.head_bytes, 1));
  }

  WalkProgress run(std::string_view cursor) {
    const std::vector<std::vector<std::string>> roots = distinct_roots(options_.roots);
    const std::vector<std::string> resume = components(cursor);
    const std::size_t first = first_root(roots, resume);
    for (std::size_t i = first; i < roots.size() && !stopped_; ++i) {
      std::span<const std::string> rest;
      if (i == first && is_under(resume, roots[i]))
        rest = std::span<const std::string>(resume).subspan(roots[i].size());
      walk_root(roots[i], rest);
    }
    progress_.complete = !stopped_;
    progress_.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start_);
    return std::move(progress_);
  }

 private:
  void problem(std::string_view reason, const std::string& path, DWORD error) {
    ++progress_.skipped[std::string(reason)];
    if (progress_.problems.size() < WalkProgress::kMaxProblems)
      progress_.problems.push_back(fs_.describe(path) + ": " + base::windows_error_text(error));
  }

  void skip(std::string_view reason) { ++progress_.skipped[std::string(reason)]; }

  bool out_of_budget(const std::string& path) {
    const std::string_view reason = spent_budget(options_.budget, progress_, start_, should_stop_);
    if (reason.empty()) return false;
    stopped_ = true;
    progress_.stop_reason = reason;
    progress_.resume_at = path;
    return true;
  }

  void walk_root(const std::vector<std::string>& parts, std::span<const std::string> resume) {
    std::string path = "/";
    for (const std::string& part : parts) path = child_path(path, part);
    if (path_excluded(options_.exclude, path)) return skip(skip::kExcluded);
    auto real = fs_.resolve(path);
    if (!real) {
      ++progress_.skipped[std::string(skip::kUnreadable)];
      if (progress_.problems.size() < WalkProgress::kMaxProblems)
        progress_.problems.push_back(real.error().message);
      return;
    }
    const DWORD attributes = GetFileAttributesW(real->c_str());
    if (attributes == INVALID_FILE_ATTRIBUTES || (attributes & FILE_ATTRIBUTE_DIRECTORY) == 0)
      return;  // a default root this host does not have
    walk_dir(*real, path, 0, resume);
  }

  std::vector<Entry> entries_of(const std::filesystem::path& real, const std::string& path) {
    std::vector<Entry> entries;
    WIN32_FIND_DATAW found{};
    HANDLE search = FindFirstFileExW((real / L"*").c_str(), FindExInfoBasic, &found,
                                     FindExSearchNameMatch, nullptr, FIND_FIRST_EX_LARGE_FETCH);
    if (search == INVALID_HANDLE_VALUE) {
      problem(skip::kUnreadable, path, GetLastError());
      return entries;
    }
    do {
      const std::wstring_view name = found.cFileName;
      if (name == L"." || name == L"..") continue;
      const DWORD attributes = found.dwFileAttributes;
      const EntryKind kind = (attributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0 ? EntryKind::reparse
                             : (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0 ? EntryKind::directory
                                                                             : EntryKind::file;
      entries.push_back({utf8(name), kind});
    } while (FindNextFileW(search, &found));
    if (const DWORD error = GetLastError(); error != ERROR_NO_MORE_FILES)
      problem(skip::kUnreadable, path, error);
    FindClose(search);
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return entries;
  }

  void walk_dir(const std::filesystem::path& real, const std::string& path, int depth,
                std::span<const std::string> resume) {
    ++progress_.dirs;
    const std::vector<Entry> entries = entries_of(real, path);
    auto it = entries.begin();
    if (!resume.empty())  // a resumed walk starts at the cursor's entry
      it = std::lower_bound(entries.begin(), entries.end(), resume.front(),
                            [](const Entry& e, const std::string& n) { return e.name < n; });
    for (; it != entries.end() && !stopped_; ++it) {
      const std::string child = child_path(path, it->name);
      std::span<const std::string> child_resume;
      if (!resume.empty() && it->name == resume.front()) child_resume = resume.subspan(1);
      // A resumed folder was examined up to the cursor: its budget check happened then.
      if (child_resume.empty() && out_of_budget(child)) return;
      if (path_excluded(options_.exclude, child)) {
        skip(skip::kExcluded);
        continue;
      }
      const std::filesystem::path child_real = real / std::filesystem::u8path(it->name);
      if (it->kind == EntryKind::reparse)
        skip(skip::kSymlink);
      else if (it->kind == EntryKind::directory && depth + 1 > options_.budget.max_depth)
        skip(skip::kTooDeep);
      else if (it->kind == EntryKind::directory)
        walk_dir(child_real, child, depth + 1, child_resume);
      else
        examine_file(child_real, it->name, child);
    }
  }

  // Reads into buffer_ from `length` until `limit` or the end of the file.
  bool read_up_to(HANDLE file, std::size_t limit, std::size_t& length) {
    while (length < limit) {
      DWORD got = 0;
      const auto want = static_cast<DWORD>(std::min<std::size_t>(limit - length, 1u << 30));
      if (!ReadFile(file, buffer_.data() + length, want, &got, nullptr)) return false;
      if (got == 0) break;
      length += got;
    }
    return true;
  }

  void examine_file(const std::filesystem::path& real, const std::string& name,
                    const std::string& path) {
    ++progress_.files_seen;
    bool by_name = false;
    for (std::size_t i = 0; i < detectors_.size(); ++i) {
      wanted_[i] = wants_name(detectors_[i]->interest(), path, name);
      by_name = by_name || wanted_[i];
    }
    if (!by_name && !every_text_) return skip(skip::kUnwanted);

    const Handle file(CreateFileW(real.c_str(), GENERIC_READ,
                                  FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                  OPEN_EXISTING, FILE_FLAG_OPEN_REPARSE_POINT, nullptr));
    if (file.get() == INVALID_HANDLE_VALUE) {
      return problem(skip::kUnreadable, path, GetLastError());
    }
    BY_HANDLE_FILE_INFORMATION before{};
    if (!GetFileInformationByHandle(file.get(), &before))
      return problem(skip::kUnreadable, path, GetLastError());
    if ((before.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0)
      return skip(skip::kSymlink);  // replaced by a link since listed
    if ((before.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0 ||
        GetFileType(file.get()) != FILE_TYPE_DISK)
      return skip(skip::kSpecial);
    const std::uint64_t size =
        (static_cast<std::uint64_t>(before.nFileSizeHigh) << 32) | before.nFileSizeLow;
    if (!size_wanted(detectors_, size)) return skip(skip::kUnwanted);

    const std::size_t sniff = std::min(kSniffBytes, buffer_.size());
    std::size_t length = 0;
    if (!read_up_to(file.get(), sniff, length))
      return problem(skip::kUnreadable, path, GetLastError());
    if (length == sniff && !wants_binary(detectors_, wanted_) &&
        !sniffs_as_text(std::string_view(buffer_.data(), length))) {
      ++progress_.files_read;
      progress_.bytes_read += length;
      return skip(skip::kBinary);
    }
    if (length == sniff && !read_up_to(file.get(), buffer_.size(), length))
      return problem(skip::kUnreadable, path, GetLastError());
    ++progress_.files_read;
    progress_.bytes_read += length;

    BY_HANDLE_FILE_INFORMATION after{};
    WalkedFile walked;
    walked.changed = !GetFileInformationByHandle(file.get(), &after) ||
                     after.nFileSizeHigh != before.nFileSizeHigh ||
                     after.nFileSizeLow != before.nFileSizeLow ||
                     CompareFileTime(&after.ftLastWriteTime, &before.ftLastWriteTime) != 0;
    if (walked.changed) skip(skip::kChanged);
    walked.path = path;
    walked.name = name;
    walked.info.type = FileType::regular;
    walked.info.mode = 0644;
    walked.info.size = size;
    walked.info.modified = to_time_point(before.ftLastWriteTime);
    walked.head = std::string_view(buffer_.data(), length);
    walked.truncated = size > length;
    walked.text = sniffs_as_text(walked.head);
    hand_to_detectors(detectors_, wanted_, walked, progress_);
  }

  const HostFs& fs_;
  const WalkOptions& options_;
  std::span<FileDetector* const> detectors_;
  const std::function<bool()>& should_stop_;
  const std::chrono::steady_clock::time_point start_;
  std::vector<char> wanted_;  // per detector, for the file being examined
  bool every_text_ = false;
  std::string buffer_;
  bool stopped_ = false;
  WalkProgress progress_;
};

}  // namespace

WalkProgress walk_content(const HostFs& fs, const WalkOptions& options,
                          std::span<FileDetector* const> detectors, std::string_view cursor,
                          const std::function<bool()>& should_stop) {
  return Walker(fs, options, detectors, should_stop).run(cursor);
}

}  // namespace zt::collector
