#include "tests/schema-client/vuln/random_versions.hpp"

#include <cstdlib>
#include <string_view>

namespace zt::test {
namespace {

class Draw {
 public:
  explicit Draw(std::mt19937_64& rng) : rng_(rng) {}

  std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  char one_of(std::string_view bytes) { return bytes[below(bytes.size())]; }

  // Mostly short numbers, some with leading zeros, some long (10 to `longest` digits).
  std::string number(std::size_t longest) {
    std::string digits;
    switch (below(10)) {
      case 0: return "0";
      case 1: digits = "00"; break;
      case 2: digits = "0"; break;
      case 3: return digit_run(longest < 10 ? longest : 10 + below(longest - 9));
      default: break;
    }
    return digits + digit_run(1 + below(2));
  }

  std::string letters(std::string_view alphabet) {
    std::string out(1, one_of(alphabet));
    if (chance(30)) out += one_of(alphabet);
    return out;
  }

 private:
  std::string digit_run(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += one_of("0123456789");
    return out;
  }

  std::mt19937_64& rng_;
};

// One upstream version or revision of Dpkg::Version's bytes; `colon` and `hyphen` allow those.
std::string dpkg_part(Draw& draw, bool colon, bool hyphen) {
  std::string out = draw.number(18);
  for (std::size_t pieces = draw.below(5); pieces > 0; --pieces) {
    switch (draw.below(9)) {
      case 0: out += "." + draw.number(18); break;
      case 1: out += draw.letters("abzAZ"); break;
      case 2: out += "~" + (draw.chance(50) ? draw.letters("abrcZ") : std::string()); break;
      case 3: out += "+" + draw.letters("abdfgZ"); break;
      case 4: out += draw.chance(50) ? "~~" : "."; break;
      case 5: out += colon ? ":" + draw.number(18) : "+"; break;
      case 6: out += hyphen ? "-" + draw.number(18) : "~"; break;
      default: out += draw.number(18); break;
    }
  }
  return out;
}

std::string dpkg_version(Draw& draw) {
  const bool epoch = draw.chance(20);
  const bool revision = draw.chance(60);
  std::string out = epoch ? draw.number(3) + ":" : "";
  out += dpkg_part(draw, epoch, revision);
  if (revision) {
    std::string part = dpkg_part(draw, false, false);
    if (draw.chance(20)) part.insert(0, draw.letters("abuZ"));  // "deb12u1", "ubuntu1"
    out += "-" + part;
  }
  return out;
}

// A small edit that keeps the version valid for Dpkg::Version: the near misses that matter.
std::string dpkg_edit(Draw& draw, std::string text) {
  switch (draw.below(8)) {
    case 0: return text + "~";
    case 1: return text + "~rc1";
    case 2: return text + ".0";
    case 3: return text + "+b1";
    case 4: return text + (text.find('-') == std::string::npos ? "-0" : "a");
    case 5: return text.find(':') == std::string::npos ? "0:" + text : text;
    default: {
      const std::size_t at = text.find_first_of("0123456789", draw.below(text.size()));
      if (at == std::string::npos) return text + "0";
      if (draw.chance(50)) return text.insert(at, "0");
      text[at] = draw.one_of("0123456789");
      return text;
    }
  }
}

// `text` with every run of digits cut to 19, which perl still compares exactly (as a 64-bit
// unsigned integer); numbers placed side by side and edits make longer runs.
std::string within_perl(std::string text) {
  std::size_t run = 0;
  for (std::size_t at = 0; at < text.size();) {
    run = text[at] >= '0' && text[at] <= '9' ? run + 1 : 0;
    if (run > 19) {
      text.erase(at, 1);
    } else {
      ++at;
    }
  }
  return text;
}

template <typename Make, typename Edit>
std::vector<VersionPair> pairs(std::size_t count, Make make, Edit edit) {
  std::vector<VersionPair> out;
  out.reserve(count);
  while (out.size() < count) {
    std::string a = make();
    std::string b = out.size() % 2 == 0 ? make() : edit(a);
    out.emplace_back(std::move(a), std::move(b));
  }
  return out;
}

// One byte replaced, so that another byte meets it at the same place: letters, punctuation,
// bytes of 0x80 and more.
std::string swap_byte(Draw& draw, std::string text) {
  text[draw.below(text.size())] = draw.one_of("_@!/=\x80\xe9\xff" "aZ+.~");
  return text;
}

std::string dpkg_dirty(Draw& draw, std::string text) {
  switch (draw.below(9)) {
    case 0: return draw.letters("abZ") + text;
    case 1: return text.insert(draw.below(text.size() + 1), 1, draw.one_of("_@!/=\x80\xe9\xff"));
    case 2: return std::string(draw.chance(50) ? " " : "") + text + "  ";
    case 3: return text + "." + std::string(19 + draw.below(12), draw.one_of("19"));
    case 4: return std::string(draw.chance(50) ? "+1:" : "-0:") + text;
    case 5: return "00:" + text;
    case 6: return "2147483648:" + text;
    case 7: return text + "-";
    default: return swap_byte(draw, std::move(text));
  }
}

std::string rpm_part(Draw& draw) {
  std::string out;
  for (std::size_t pieces = 1 + draw.below(5); pieces > 0; --pieces) {
    switch (draw.below(10)) {
      case 0: case 1: case 2: out += draw.number(30); break;
      case 3: case 4: out += draw.letters("aAbzZ"); break;
      case 5: out += draw.one_of("~^"); break;
      case 6: out += draw.one_of("._+"); break;
      case 7: out += draw.chance(90) ? "." : "\xce"; break;
      default: out += "." + draw.number(30); break;
    }
  }
  return out;
}

std::string rpm_evr(Draw& draw) {
  if (draw.chance(1) && draw.chance(20)) return "";
  std::string out;
  if (draw.chance(15)) out += (draw.chance(20) ? std::string() : draw.number(3)) + ":";
  out += rpm_part(draw);
  if (draw.chance(50)) out += "-" + (draw.chance(5) ? std::string() : rpm_part(draw));
  return out;
}

std::string rpm_edit(Draw& draw, std::string text) {
  switch (draw.below(7)) {
    case 0: return text + draw.one_of("~^.a0");
    case 1: return text + "~rc1";
    case 2: return text + "^git1";
    case 3: return "0:" + text;
    case 4: return text + "-1";
    default: {
      if (text.empty()) return "0";
      const std::size_t at = draw.below(text.size());
      text[at] = draw.one_of("019aZ.~^_");
      return text;
    }
  }
}

}  // namespace

std::uint64_t version_seed() {
  if (const char* chosen = std::getenv("ZT_VERSION_SEED")) return std::strtoull(chosen, nullptr, 0);
  return std::random_device{}();
}

std::vector<VersionPair> dpkg_pairs(std::mt19937_64& rng, std::size_t count) {
  Draw draw(rng);
  return pairs(count, [&] { return within_perl(dpkg_version(draw)); },
               [&](const std::string& a) { return within_perl(dpkg_edit(draw, a)); });
}

std::vector<VersionPair> dpkg_only_pairs(std::mt19937_64& rng, std::size_t count) {
  Draw draw(rng);
  const auto dirty = [&] { return dpkg_dirty(draw, dpkg_version(draw)); };
  return pairs(count, dirty, [&](const std::string& a) {
    return draw.chance(50) ? swap_byte(draw, a) : dpkg_dirty(draw, a);
  });
}

std::vector<VersionPair> rpm_pairs(std::mt19937_64& rng, std::size_t count) {
  Draw draw(rng);
  return pairs(count, [&] { return rpm_evr(draw); },
               [&](const std::string& a) { return rpm_edit(draw, a); });
}

}  // namespace zt::test
