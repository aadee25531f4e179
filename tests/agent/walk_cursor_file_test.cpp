// The walk cursor's file in the state folder: what one agent saves the next one loads, for
// the same host root only; the file is its owner's alone; a state folder that cannot be
// written costs the resumption, never the run.
#include "agent/walk_cursor_file.hpp"

#include <catch2/catch.hpp>
#include <sys/stat.h>

#include "tests/support/temp_tree.hpp"

using zt::agent::walk_cursor_store;

TEST_CASE("walk cursor file: saved and loaded for its host root, 0600, nothing for another root",
          "[unit]") {
  zt::test::TempTree state;
  CHECK(walk_cursor_store(state.root(), "/").load() == "");  // no file yet
  walk_cursor_store(state.root(), "/").save("/home/ann/src/f3");
  CHECK(walk_cursor_store(state.root(), "/").load() == "/home/ann/src/f3");
  CHECK(walk_cursor_store(state.root(), "/host").load() == "");
  struct stat st {};
  REQUIRE(::stat((state.root() / "walk.cursor").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  walk_cursor_store(state.root(), "/").save("");  // a walk that ended: start over next time
  CHECK(walk_cursor_store(state.root(), "/").load() == "");
  // A state folder that is not there: a warning, and nothing to resume.
  walk_cursor_store(state.root() / "missing", "/").save("/x");
  CHECK(walk_cursor_store(state.root() / "missing", "/").load() == "");
}
