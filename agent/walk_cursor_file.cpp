#include "agent/walk_cursor_file.hpp"

#include <fstream>
#include <iterator>
#include <system_error>

#include "agent/logging.hpp"

namespace zt::agent {
namespace {

constexpr const char* kFileName = "walk.cursor";

// "<host root>\n<cursor>\n"
std::string load(const std::filesystem::path& file, const std::filesystem::path& host_root) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return "";
  std::string root, cursor;
  if (!std::getline(in, root) || !std::getline(in, cursor) || root != host_root.string())
    return "";
  return cursor;
}

void save(const std::filesystem::path& file, const std::filesystem::path& host_root,
          const std::string& cursor) {
  std::filesystem::path temporary = file;
  temporary += ".tmp";
  std::error_code ec;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    std::filesystem::permissions(temporary, std::filesystem::perms::owner_read |
                                                std::filesystem::perms::owner_write,
                                 ec);
    out << host_root.string() << '\n' << cursor << '\n';
    out.flush();
    if (!out || ec) {
      logger("agent")->warn("cannot write {}: the next start walks the host's files from the "
                            "start",
                            temporary.string());
      return;
    }
  }
  std::filesystem::rename(temporary, file, ec);
  if (ec)
    logger("agent")->warn("cannot replace {}: {}", file.string(), ec.message());
}

}  // namespace

collector::ContentWalkHub::CursorStore walk_cursor_store(std::filesystem::path state_dir,
                                                         std::filesystem::path host_root) {
  const std::filesystem::path file = state_dir / kFileName;
  return {[file, host_root] { return load(file, host_root); },
          [file, host_root](const std::string& cursor) { save(file, host_root, cursor); }};
}

}  // namespace zt::agent
