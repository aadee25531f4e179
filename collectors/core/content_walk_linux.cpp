// The content walk on Linux: directories opened relative to their parent (openat with
// O_NOFOLLOW), entries sorted by name, files opened O_NONBLOCK and checked with fstat.
#include <dirent.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "collectors/core/content_walk.hpp"
#include "collectors/core/content_walk_steps.hpp"
#include "collectors/core/mount_table.hpp"

namespace zt::collector {
namespace {

using namespace walk;

// Filesystems never entered: the kernel's views (their files are not content anyone left
// there), network filesystems (another host's files, and slow) and FUSE (may be anything,
// may hang). Checked with fstatfs on every folder that is on another device than its parent.
bool never_entered(const struct statfs& fs) {
  static constexpr unsigned long kTypes[] = {
      PROC_SUPER_MAGIC,    SYSFS_MAGIC,        DEVPTS_SUPER_MAGIC, CGROUP_SUPER_MAGIC,
      CGROUP2_SUPER_MAGIC, DEBUGFS_MAGIC,      TRACEFS_MAGIC,      SECURITYFS_MAGIC,
      BPF_FS_MAGIC,        PSTOREFS_MAGIC,     EFIVARFS_MAGIC,     BINFMTFS_MAGIC,
      NSFS_MAGIC,          AUTOFS_SUPER_MAGIC, NFS_SUPER_MAGIC,    SMB_SUPER_MAGIC,
      CIFS_SUPER_MAGIC,    SMB2_SUPER_MAGIC,   FUSE_SUPER_MAGIC,   CEPH_SUPER_MAGIC,
      AFS_SUPER_MAGIC,     AFS_FS_MAGIC,       V9FS_MAGIC,
  };
  const auto type = static_cast<unsigned long>(fs.f_type) & 0xffffffffUL;
  return std::find(std::begin(kTypes), std::end(kTypes), type) != std::end(kTypes);
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

// Whether others, and a group, can get through every folder down to the current one.
struct Reach {
  bool others = true;
  bool group = true;
};

struct Entry {
  std::string name;
  unsigned char type;
};

class Walker {
 public:
  Walker(const HostFs& fs, const WalkOptions& options, std::span<FileDetector* const> detectors,
         const std::function<bool()>& should_stop)
      : fs_(fs),
        options_(options),
        detectors_(detectors),
        should_stop_(should_stop),
        start_(std::chrono::steady_clock::now()),
        wanted_(detectors.size()),
        mounts_(host_mounts(fs)) {
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
  void problem(std::string_view reason, const std::string& path, int error) {
    ++progress_.skipped[std::string(reason)];
    if (progress_.problems.size() < WalkProgress::kMaxProblems)
      progress_.problems.push_back(fs_.describe(path) + ": " + std::strerror(error));
  }

  void skip(std::string_view reason) { ++progress_.skipped[std::string(reason)]; }

  // Whether the budget is spent before the entry at `path`; if so the walk stops there.
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
    if (mounts_.never.contains(path)) return skip(skip::kPseudoFilesystem);
    auto real = fs_.resolve(path);
    if (!real) {
      ++progress_.skipped[std::string(skip::kUnreadable)];
      if (progress_.problems.size() < WalkProgress::kMaxProblems)
        progress_.problems.push_back(real.error().message);
      return;
    }
    Fd dir(::open(real->c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK));
    if (!dir.ok()) {
      if (errno != ENOENT && errno != ENOTDIR) problem(skip::kUnreadable, path, errno);
      return;  // a default root this host does not have
    }
    struct stat st {};
    struct statfs sfs {};
    if (::fstat(dir.get(), &st) != 0 || ::fstatfs(dir.get(), &sfs) != 0)
      return problem(skip::kUnreadable, path, errno);
    if (never_entered(sfs)) return skip(skip::kPseudoFilesystem);
    root_dev_ = st.st_dev;
    walk_dir(dir.get(), st, path, 0, resume);
  }

  std::vector<Entry> entries_of(int dir_fd, const std::string& path) {
    std::vector<Entry> entries;
    const int copy = ::dup(dir_fd);
    DIR* dir = copy < 0 ? nullptr : ::fdopendir(copy);
    if (dir == nullptr) {
      const int error = errno;
      if (copy >= 0) ::close(copy);
      problem(skip::kUnreadable, path, error);
      return entries;
    }
    errno = 0;
    while (const dirent* entry = ::readdir(dir)) {
      const std::string_view name = entry->d_name;
      if (name != "." && name != "..") entries.push_back({std::string(name), entry->d_type});
    }
    if (errno != 0) problem(skip::kUnreadable, path, errno);
    ::closedir(dir);
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return entries;
  }

  void walk_dir(int dir_fd, const struct stat& dir, const std::string& path, int depth,
                std::span<const std::string> resume) {
    ++progress_.dirs;
    const dev_t dev = dir.st_dev;
    const Reach outer = reach_;
    reach_.others = reach_.others && (dir.st_mode & S_IXOTH) != 0;
    reach_.group = reach_.group && (dir.st_mode & (S_IXGRP | S_IXOTH)) != 0;
    walk_entries(dir_fd, dev, path, depth, resume);
    reach_ = outer;
  }

  void walk_entries(int dir_fd, dev_t dev, const std::string& path, int depth,
                    std::span<const std::string> resume) {
    const std::vector<Entry> entries = entries_of(dir_fd, path);
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
      unsigned char type = it->type;
      if (type == DT_UNKNOWN) {
        struct stat st {};
        if (::fstatat(dir_fd, it->name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
          problem(skip::kUnreadable, child, errno);
          continue;
        }
        type = S_ISDIR(st.st_mode)   ? DT_DIR
               : S_ISREG(st.st_mode) ? DT_REG
               : S_ISLNK(st.st_mode) ? DT_LNK
                                     : DT_FIFO;
      }
      if (type == DT_LNK)
        skip(skip::kSymlink);
      else if (type == DT_DIR && mounts_.never.contains(child))  // never opened
        skip(skip::kPseudoFilesystem);
      else if (type == DT_DIR && !options_.cross_filesystems && mounts_.all.contains(child))
        skip(skip::kOtherFilesystem);
      else if (type == DT_DIR)
        enter_dir(dir_fd, dev, *it, child, depth + 1, child_resume);
      else if (type == DT_REG)
        examine_file(dir_fd, it->name, child);
      else
        skip(skip::kSpecial);
    }
  }

  void enter_dir(int parent_fd, dev_t parent_dev, const Entry& entry, const std::string& path,
                 int depth, std::span<const std::string> resume) {
    if (depth > options_.budget.max_depth) return skip(skip::kTooDeep);
    Fd dir(::openat(parent_fd, entry.name.c_str(),
                    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (!dir.ok()) {
      if (errno == ELOOP || errno == ENOTDIR) return skip(skip::kSymlink);  // replaced since
      return problem(skip::kUnreadable, path, errno);
    }
    struct stat st {};
    if (::fstat(dir.get(), &st) != 0) return problem(skip::kUnreadable, path, errno);
    if (st.st_dev != parent_dev) {
      struct statfs sfs {};
      if (::fstatfs(dir.get(), &sfs) != 0) return problem(skip::kUnreadable, path, errno);
      if (never_entered(sfs)) return skip(skip::kPseudoFilesystem);
      if (!options_.cross_filesystems && st.st_dev != root_dev_)
        return skip(skip::kOtherFilesystem);
    }
    walk_dir(dir.get(), st, path, depth, resume);
  }

  // Reads into buffer_ from `length` until `limit`, end of file or EAGAIN; false on an error
  // (errno says which).
  bool read_up_to(int fd, std::size_t limit, std::size_t& length) {
    while (length < limit) {
      const ssize_t n = ::read(fd, buffer_.data() + length, limit - length);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == EAGAIN) break;
      if (n < 0) return false;
      if (n == 0) break;
      length += static_cast<std::size_t>(n);
    }
    return true;
  }

  void examine_file(int dir_fd, const std::string& name, const std::string& path) {
    ++progress_.files_seen;
    bool by_name = false;
    for (std::size_t i = 0; i < detectors_.size(); ++i) {
      wanted_[i] = wants_name(detectors_[i]->interest(), path, name);
      by_name = by_name || wanted_[i];
    }
    if (!by_name && !every_text_) return skip(skip::kUnwanted);

    Fd file(
        ::openat(dir_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (!file.ok()) {
      if (errno == ELOOP) return skip(skip::kSymlink);  // replaced by a link since listed
      return problem(skip::kUnreadable, path, errno);
    }
    struct stat before {};
    if (::fstat(file.get(), &before) != 0) return problem(skip::kUnreadable, path, errno);
    if (!S_ISREG(before.st_mode)) return skip(skip::kSpecial);
    const auto size = static_cast<std::uint64_t>(before.st_size);
    if (!size_wanted(detectors_, size)) return skip(skip::kUnwanted);

    // The first 8 KiB decide whether it is text; a binary file no detector takes as binary
    // is not read further.
    const std::size_t sniff = std::min(kSniffBytes, buffer_.size());
    std::size_t length = 0;
    if (!read_up_to(file.get(), sniff, length)) return problem(skip::kUnreadable, path, errno);
    if (length == sniff && !wants_binary(detectors_, wanted_) &&
        !sniffs_as_text(std::string_view(buffer_.data(), length))) {
      ++progress_.files_read;
      progress_.bytes_read += length;
      return skip(skip::kBinary);
    }
    if (length == sniff && !read_up_to(file.get(), buffer_.size(), length))
      return problem(skip::kUnreadable, path, errno);
    ++progress_.files_read;
    progress_.bytes_read += length;

    struct stat after {};
    WalkedFile walked;
    walked.changed = ::fstat(file.get(), &after) != 0 || after.st_size != before.st_size ||
                     after.st_mtim.tv_sec != before.st_mtim.tv_sec ||
                     after.st_mtim.tv_nsec != before.st_mtim.tv_nsec;
    if (walked.changed) skip(skip::kChanged);
    walked.path = path;
    walked.name = name;
    walked.info = file_info(before);
    walked.head = std::string_view(buffer_.data(), length);
    walked.truncated = size > length;
    walked.text = sniffs_as_text(walked.head);
    walked.others_can_reach = reach_.others;
    walked.group_can_reach = reach_.group;
    hand_to_detectors(detectors_, wanted_, walked, progress_);
  }

  static FileInfo file_info(const struct stat& st) {
    FileInfo info;
    info.type = FileType::regular;
    info.mode = st.st_mode & 07777;
    info.uid = st.st_uid;
    info.gid = st.st_gid;
    info.size = static_cast<std::uint64_t>(st.st_size);
    info.modified = std::chrono::system_clock::time_point{
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::seconds{st.st_mtim.tv_sec} +
            std::chrono::nanoseconds{st.st_mtim.tv_nsec})};
    return info;
  }

  const HostFs& fs_;
  const WalkOptions& options_;
  std::span<FileDetector* const> detectors_;
  const std::function<bool()>& should_stop_;
  const std::chrono::steady_clock::time_point start_;
  std::vector<char> wanted_;  // per detector, for the file being examined
  bool every_text_ = false;
  std::string buffer_;
  const HostMounts mounts_;  // known before any folder is opened (mount_table.hpp)
  dev_t root_dev_ = 0;
  Reach reach_;
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
