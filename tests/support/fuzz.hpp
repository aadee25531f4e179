#pragma once
// A small deterministic fuzzer for the pure parse functions: it calls `parse` on every
// truncation of a seed text, on copies with random bytes flipped, inserted or deleted, on
// random splices of the seed's lines, and on random bytes. A parser passes when it returns for
// every input: no exception escapes (the input that threw is printed, escaped, with the
// generator's seed and the round), no crash (the ASan build catches memory errors), no hang
// (CTest's timeout). The callbacks assert what the result must be (valid UTF-8 of whatever
// leaves a collector, an error that names its path, a round trip, an order).
// The generator's seed is fixed, so a failure reproduces; ZT_FUZZ_SEED=<number> draws other
// inputs (the seed in use is in every failure message).
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace zt::test {

inline std::uint64_t fuzz_seed() {
  const char* chosen = std::getenv("ZT_FUZZ_SEED");
  return chosen != nullptr ? std::strtoull(chosen, nullptr, 0) : 0x5eed5eedULL;
}

// `text` with every byte outside printable ASCII written as \xHH, for a failure message.
inline std::string escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f && c != '\\') {
      out += c;
    } else {
      constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    }
  }
  return out;
}

template <typename Parse>
void fuzz_text(std::string_view seed, Parse&& parse, int rounds = 3000) {
  const std::uint64_t generator_seed = fuzz_seed();
  std::mt19937_64 rng(generator_seed);
  const auto call = [&](const std::string& text, int round) {
    try {
      parse(text);
    } catch (const std::exception& e) {
      FAIL("an exception escaped the parser (ZT_FUZZ_SEED=" << generator_seed << ", round "
                                                            << round << "): " << e.what()
                                                            << "\ninput: " << escaped(text));
    }
  };
  auto byte = [&] { return static_cast<char>(rng() & 0xff); };
  auto pick = [&](std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng() % n); };

  for (std::size_t n = 0; n <= seed.size(); ++n) call(std::string(seed.substr(0, n)), -1);

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
    call(text, round);
  }
}

}  // namespace zt::test
