#pragma once
// The api key file's I/O for KeyStore (key_store.hpp), per platform: key_file_linux.cpp
// (POSIX modes and owners), key_file_windows.cpp (ACLs). Both refuse a key file that others
// could read or change, or that is a symbolic link, and replace it atomically and durably.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "schema-client/model/result.hpp"

namespace zt::transport {

inline constexpr std::size_t kMaxKeyFile = 64 * 1024;

// The file's text; nullopt when there is none. Errors name the file and what is wrong.
model::Result<std::optional<std::string>> read_key_file(const std::filesystem::path& file);

// Creates `directory` (private) when missing, then writes `text` to a private temporary file
// beside `file`, flushes it and renames it over `file`.
model::Status write_key_file(const std::filesystem::path& directory,
                             const std::filesystem::path& file, std::string_view text);

}  // namespace zt::transport
