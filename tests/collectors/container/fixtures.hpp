#pragma once
// The recorded engine answers (tests/fixtures/container-api/<engine>/<file>).
#include <filesystem>
#include <string>
#include <string_view>

#include "tests/support/temp_tree.hpp"

namespace zt::test {

inline std::filesystem::path api_fixture_dir(std::string_view engine) {
  return std::filesystem::path(ZT_SOURCE_DIR) / "tests/fixtures/container-api" / engine;
}

inline std::string api_fixture(std::string_view engine, std::string_view file) {
  return read_text(api_fixture_dir(engine) / file);
}

}  // namespace zt::test
