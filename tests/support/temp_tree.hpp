#pragma once
// Test helpers shared by the tests: a temporary directory tree that is removed
// when the test ends, and the paths of the fixture host trees.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace zt::test {

inline std::filesystem::path fixture_host(std::string_view name) {
  return std::filesystem::path(ZT_SOURCE_DIR) / "tests/fixtures/hosts" / name;
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh directory under the system's temporary directory, removed with all it holds.
class TempTree {
 public:
  TempTree() {
    std::string pattern = (std::filesystem::temp_directory_path() / "zt-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    root_ = pattern;
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;
  ~TempTree() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }

  const std::filesystem::path& root() const { return root_; }

  // Writes `content` to root/relative, creating the parent directories.
  std::filesystem::path write(std::string_view relative, std::string_view content) const {
    const std::filesystem::path path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
    return path;
  }

  std::filesystem::path mkdir(std::string_view relative) const {
    const std::filesystem::path path = root_ / relative;
    std::filesystem::create_directories(path);
    return path;
  }

  // root/relative -> target (target written as given: relative or absolute).
  void symlink(std::string_view target, std::string_view relative) const {
    const std::filesystem::path path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::filesystem::create_symlink(target, path);
  }

  // Copies a whole tree (a fixture host) into root, symlinks kept as symlinks.
  void copy_from(const std::filesystem::path& source) const {
    std::filesystem::copy(source, root_,
                          std::filesystem::copy_options::recursive |
                              std::filesystem::copy_options::copy_symlinks);
  }

 private:
  std::filesystem::path root_;
};

}  // namespace zt::test
