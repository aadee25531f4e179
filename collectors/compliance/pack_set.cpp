#include "collectors/compliance/pack_set.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "collectors/compliance/pack_loader.hpp"

namespace zt::compliance {
namespace {

namespace fs = std::filesystem;

// A pack is a few hundred KiB at most; a bigger file is refused.
constexpr std::uintmax_t kPackMaxBytes = std::uintmax_t{8} << 20;

std::vector<fs::path> pack_files(const std::string& dir, std::vector<std::string>& errors) {
  std::error_code ec;
  std::vector<fs::path> files;
  if (!fs::exists(dir, ec)) return files;  // an absent folder holds no pack
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if ((p.extension() == ".yaml" || p.extension() == ".yml") && it->is_regular_file(ec))
      files.push_back(p);
  }
  if (ec) errors.push_back(dir + ": cannot list the pack folder: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<std::string> read_pack_file(const fs::path& path, std::vector<std::string>& errors) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec && size > kPackMaxBytes) {
    errors.push_back(path.string() + ": larger than 8 MiB; not a rule pack");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (ec || !in) {
    errors.push_back(path.string() + ": cannot read the pack");
    return std::nullopt;
  }
  return text.str();
}

}  // namespace

PackSet load_pack_set(const std::vector<std::string>& dirs,
                      const std::vector<std::string>& selected) {
  PackSet set;
  std::set<std::string> ids;
  for (const std::string& dir : dirs)
    for (const fs::path& path : pack_files(dir, set.errors)) {
      const auto text = read_pack_file(path, set.errors);
      if (!text) continue;
      LoadedPack loaded = parse_pack(*text, path.string());
      for (std::string& e : loaded.errors) set.errors.push_back(std::move(e));
      if (!loaded.pack) continue;
      if (!selected.empty() &&
          std::find(selected.begin(), selected.end(), loaded.pack->id) == selected.end())
        continue;
      if (!ids.insert(loaded.pack->id).second) {
        set.errors.push_back(path.string() + ": pack id \"" + loaded.pack->id +
                             "\" is already loaded from another file; this one is not used");
        continue;
      }
      set.packs.push_back(std::move(*loaded.pack));
    }
  for (const std::string& id : selected)
    if (!ids.contains(id))
      set.errors.push_back("pack \"" + id + "\" (collectors.compliance.packs) is in none of the "
                           "pack folders");
  return set;
}

}  // namespace zt::compliance
