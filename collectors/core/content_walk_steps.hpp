#pragma once
// The steps of the content walk that do not depend on the platform, shared by
// content_walk_linux.cpp and content_walk_windows.cpp (internal to the collector core): host
// path arithmetic, the roots to walk, the budget, and handing a file read to its detectors.
#include <chrono>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/content_walk.hpp"

namespace zt::collector::walk {

constexpr std::size_t kSniffBytes = 8192;  // as sniffs_as_text samples

// "/home" + "ann" -> "/home/ann".
std::string child_path(std::string_view parent, std::string_view name);
// Host path components ("/home/ann" -> home, ann).
std::vector<std::string> components(std::string_view path);
bool is_under(const std::vector<std::string>& path, const std::vector<std::string>& root);
// The absolute roots in order, without duplicates or a root under another one (walked with it).
std::vector<std::vector<std::string>> distinct_roots(const std::vector<std::string>& roots);
// The root of `roots` where a walk resumed at `cursor` starts (0 when none holds it).
std::size_t first_root(const std::vector<std::vector<std::string>>& roots,
                       const std::vector<std::string>& cursor);

// Why the walk stops before its next entry ("file budget", "byte budget", "time budget",
// "stopped"), or "" when it goes on.
std::string_view spent_budget(const WalkBudget& budget, const WalkProgress& progress,
                              std::chrono::steady_clock::time_point start,
                              const std::function<bool()>& should_stop);

// Whether a detector that wants the file by its name (wanted[i]) takes binaries.
bool wants_binary(std::span<FileDetector* const> detectors, const std::vector<char>& wanted);
// Whether some detector takes a file of `size` bytes (its max_size, 0 = any).
bool size_wanted(std::span<FileDetector* const> detectors, std::uint64_t size);
// Hands `file` (file.text set) to every detector that wants it by name (wanted[i]) or as text,
// within its content kind and size limit; counts a file nobody took in `progress`.
void hand_to_detectors(std::span<FileDetector* const> detectors, const std::vector<char>& wanted,
                       const WalkedFile& file, WalkProgress& progress);

}  // namespace zt::collector::walk
