// KeyStore: save is atomic and 0600, load round-trips, and a key file that others could
// read, a symbolic link or a corrupt file is refused, never used.
#include "transport/key_store.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/support/temp_tree.hpp"

using namespace zt;
using namespace zt::transport;
using zt::test::TempTree;
namespace fs = std::filesystem;

namespace {

StoredKey sample_key(std::string key = "zt_0123456789abcdef") {
  StoredKey stored;
  stored.agent_id = "2c9a0b8e-5d1f-4f7e-9a51-0d3c7f1e2b44";
  stored.api_key = config::Secret(std::move(key));
  stored.enrolled_at = *model::parse_timestamp("2026-03-01T12:00:00.250Z");
  return stored;
}

unsigned mode_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::lstat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

ino_t inode_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_ino;
}

std::size_t entries_in(const fs::path& directory) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(directory), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("key store: no file is no key", "[unit]") {
  TempTree tree;
  const auto loaded = KeyStore(tree.root()).load();
  REQUIRE(loaded.ok());
  CHECK_FALSE(loaded->has_value());
}

TEST_CASE("key store: save writes 0600 atomically and load returns the key", "[unit]") {
  TempTree tree;
  const fs::path state = tree.root() / "state";  // created by save(), 0700
  KeyStore store(state);
  const mode_t previous = ::umask(0);  // a careless umask must not widen the file
  const auto saved = store.save(sample_key());
  ::umask(previous);
  REQUIRE(saved.ok());
  CHECK(store.file() == state / "agent.key");
  CHECK(mode_of(store.file()) == 0600);
  CHECK(mode_of(state) == 0700);
  CHECK(entries_in(state) == 1);  // no temporary file left behind

  const auto loaded = KeyStore(state).load();
  REQUIRE(loaded.ok());
  REQUIRE(loaded->has_value());
  CHECK((*loaded)->agent_id == sample_key().agent_id);
  CHECK((*loaded)->api_key == sample_key().api_key);
  CHECK((*loaded)->enrolled_at == sample_key().enrolled_at);

  SECTION("a new key replaces the file by rename, not by rewriting it") {
    const ino_t before = inode_of(store.file());
    REQUIRE(store.save(sample_key("zt_rotated")).ok());
    CHECK(inode_of(store.file()) != before);
    CHECK(mode_of(store.file()) == 0600);
    CHECK(entries_in(state) == 1);
    CHECK(store.load().value()->api_key.reveal() == "zt_rotated");
  }
}

TEST_CASE("key store: a key file others can read is refused, and says why", "[unit]") {
  TempTree tree;
  KeyStore store(tree.root());
  REQUIRE(store.save(sample_key()).ok());
  for (const unsigned mode : {0644u, 0640u, 0604u, 0660u}) {
    REQUIRE(::chmod(store.file().c_str(), mode) == 0);
    const auto loaded = store.load();
    REQUIRE_FALSE(loaded.ok());
    char expected[8];
    std::snprintf(expected, sizeof expected, "%04o", mode);
    CHECK_THAT(loaded.error().message, Catch::Contains(store.file().string()) &&
                                           Catch::Contains(std::string("mode ") + expected) &&
                                           Catch::Contains("not using it"));
    CHECK_THAT(loaded.error().message, !Catch::Contains("zt_0123456789abcdef"));
  }
  REQUIRE(::chmod(store.file().c_str(), 0400) == 0);  // narrower is fine
  CHECK(store.load().ok());
}

TEST_CASE("key store: symbolic links, directories and corrupt files are refused", "[unit]") {
  TempTree tree;
  SECTION("a symbolic link") {
    TempTree elsewhere;
    REQUIRE(KeyStore(elsewhere.root()).save(sample_key()).ok());
    fs::create_symlink(elsewhere.root() / "agent.key", tree.root() / "agent.key");
    CHECK_THAT(KeyStore(tree.root()).load().error().message, Catch::Contains("symbolic link"));
  }
  SECTION("a directory") {
    REQUIRE(::mkdir((tree.root() / "agent.key").c_str(), 0700) == 0);
    CHECK_THAT(KeyStore(tree.root()).load().error().message, Catch::Contains("not a regular file"));
  }
  SECTION("corrupt content") {
    const auto corrupt = [&](const std::string& text) {
      const fs::path file = tree.write("agent.key", text);
      REQUIRE(::chmod(file.c_str(), 0600) == 0);
      const auto loaded = KeyStore(tree.root()).load();
      REQUIRE_FALSE(loaded.ok());
      return loaded.error().message;
    };
    CHECK_THAT(corrupt("not json"), Catch::Contains("corrupt key file (not a JSON object)"));
    CHECK_THAT(corrupt(R"({"agent_id":"a","enrolled_at":"2026-03-01T12:00:00Z"})"),
               Catch::Contains("api_key missing"));
    CHECK_THAT(corrupt(R"({"agent_id":"a","api_key":"zt_x","enrolled_at":"yesterday"})"),
               Catch::Contains("enrolled_at") && !Catch::Contains("zt_x"));
  }
}

TEST_CASE("key store: a save that fails is an error naming the file, and leaves nothing",
          "[unit]") {
  TempTree tree;
  SECTION("the state directory cannot be created (a file is in the way)") {
    tree.write("not-a-directory", "");
    const fs::path state = tree.root() / "not-a-directory" / "state";
    const auto saved = KeyStore(state).save(sample_key());
    REQUIRE_FALSE(saved.ok());
    CHECK_THAT(saved.error().message,
               Catch::Contains("cannot save the api key to " + (state / "agent.key").string()));
  }
  SECTION("the rename fails (a directory is in the way): the temporary file is removed") {
    REQUIRE(::mkdir((tree.root() / "agent.key").c_str(), 0700) == 0);
    const auto saved = KeyStore(tree.root()).save(sample_key());
    REQUIRE_FALSE(saved.ok());
    CHECK_THAT(saved.error().message, Catch::Contains("rename"));
    CHECK(entries_in(tree.root()) == 1);
  }
}
