#pragma once
// A small deterministic fuzzer for the pure parse functions: it calls `parse` on every
// truncation of a seed text, on copies with random bytes flipped, inserted or deleted, on
// random splices of the seed's lines, and on random bytes. The seed of the generator is
// fixed, so a crash found here reproduces. A parser passes when it returns for every input:
// no crash (the ASan build catches memory errors), no exception, no hang (CTest's timeout).
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace zt::test {

template <typename Parse>
void fuzz_text(std::string_view seed, Parse&& parse, int rounds = 3000) {
  std::mt19937_64 rng(0x5eed5eedULL);
  auto byte = [&] { return static_cast<char>(rng() & 0xff); };
  auto pick = [&](std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng() % n); };

  for (std::size_t n = 0; n <= seed.size(); ++n) parse(std::string(seed.substr(0, n)));

  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos < seed.size();) {
    const std::size_t end = std::min(seed.find('\n', pos), seed.size());
    lines.push_back(seed.substr(pos, end - pos + 1));
    pos = end + 1;
  }
  for (int round = 0; round < rounds; ++round) {
    std::string text(seed);
    switch (round % 4) {
      case 0:  // flip, insert and delete a few bytes
        for (int edits = 1 + static_cast<int>(pick(8)); edits > 0; --edits) {
          const std::size_t at = pick(text.size() + 1);
          const auto kind = pick(3);
          if (kind == 0 && at < text.size()) text[at] = byte();
          else if (kind == 1) text.insert(at, 1, byte());
          else if (at < text.size()) text.erase(at, 1 + pick(16));
        }
        break;
      case 1:  // lines in a random order, some repeated
        text.clear();
        for (std::size_t i = 0, n = pick(lines.size() * 2 + 1); i < n && !lines.empty(); ++i)
          text += lines[pick(lines.size())];
        break;
      case 2:  // random bytes
        text.resize(pick(512));
        for (char& c : text) c = byte();
        break;
      default:  // random printable noise with the seed's separators
        text.resize(pick(512));
        for (char& c : text) c = " \t\n:=#\"'\\[]{},/0aZ"[pick(19)];
        break;
    }
    parse(text);
  }
}

}  // namespace zt::test
