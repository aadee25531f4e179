// Random pairs against the real tools: at least 100,000 each for dpkg (libdpkg-perl's
// Dpkg::Version, dpkg's own Perl implementation, in one perl process) and rpm (rpm.vercmp in
// one `rpm --eval` Lua chunk), plus a few hundred through `dpkg --compare-versions` itself, so
// that perl and dpkg are seen to agree and the versions only dpkg answers for (warnings,
// blanks, long numbers, odd epochs) are covered. Only signs are compared. apk has no tool on
// Debian: its published vectors (version_vectors_test.cpp) are its oracle.
// The seed is printed; ZT_VERSION_SEED=<number> replays one.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "schema-client/vuln/version_dpkg.hpp"
#include "schema-client/vuln/version_rpm.hpp"
#include "tests/schema-client/vuln/random_versions.hpp"
#include "tests/support/fuzz.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

namespace {

using zt::test::VersionPair;

constexpr std::size_t kRandomPairs = 100000;
constexpr std::size_t kDpkgItself = 300;  // from each of the two dpkg generators

// One answer per line: "-1", "0", "1", or "E" where the tool refused the pair.
constexpr const char* kPerlScript = R"(
use strict; use warnings; use Dpkg::Version;
open(my $in, '<', $ARGV[0]) or die "$ARGV[0]: $!";
while (my $line = <$in>) {
  chomp $line;
  my ($x, $y) = split /\t/, $line, 2;
  my $order = eval { version_compare($x, $y) };
  print defined $order ? "$order\n" : "E\n";
})";

constexpr const char* kDpkgScript = R"(
while IFS=$'\t' read -r a b; do
  if dpkg --compare-versions -- "$a" lt "$b" 2>/dev/null; then echo -1
  elif [ $? -ne 1 ]; then echo E
  elif dpkg --compare-versions -- "$a" eq "$b" 2>/dev/null; then echo 0
  else echo 1; fi
done < "$1")";

// rpm.vercmp raises a Lua error on an EVR it refuses: pcall turns that into "E".
std::string rpm_chunk(const std::string& in, const std::string& out) {
  return "%{lua: local out = assert(io.open('" + out + "', 'w')) "
         "for line in io.lines('" + in + "') do "
         "local a, b = line:match('^(.-)' .. string.char(9) .. '(.*)$') "
         "local ok, order = pcall(rpm.vercmp, a, b) "
         "out:write(ok and tostring(order) or 'E', string.char(10)) end "
         "out:close()}";
}

std::string pair_file(const std::vector<VersionPair>& pairs) {
  std::string text;
  for (const auto& [a, b] : pairs) text += a + '\t' + b + '\n';
  return text;
}

std::vector<std::string> answer_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

int sign(int order) { return order < 0 ? -1 : (order > 0 ? 1 : 0); }

// "N before, N equal, N after, N refused": how the tool answered, for the output.
std::string tally(const std::vector<std::string>& answers) {
  const auto n = [&](const char* answer) {
    return std::to_string(std::count(answers.begin(), answers.end(), answer));
  };
  return n("-1") + " before, " + n("0") + " equal, " + n("1") + " after, " + n("E") + " refused";
}

// The pairs where ours and the tool's answers differ: a count and the first few, printed.
class Mismatches {
 public:
  explicit Mismatches(std::uint64_t seed) : seed_(seed) {}
  void add(const VersionPair& pair, const std::string& ours, const std::string& tool) {
    if (++count_ <= 20) {
      shown_ += "  " + zt::test::escaped(pair.first) + "  vs  " + zt::test::escaped(pair.second) +
                ": ours " + ours + ", tool " + tool + "\n";
    }
  }
  std::size_t count() const { return count_; }
  std::string report() const {
    return std::to_string(count_) + " mismatches (ZT_VERSION_SEED=" + std::to_string(seed_) +
           "), the first:\n" + shown_;
  }

 private:
  std::uint64_t seed_;
  std::size_t count_ = 0;
  std::string shown_;
};

// Runs `argv` (its last argument the pair file) and returns its answers, one per pair. The C
// locale: in a UTF-8 one, bash's read takes a stray 0xe9 and the newline after it for one
// character, and two pairs for one.
std::vector<std::string> ask(const zt::test::TempTree& tmp, const std::vector<VersionPair>& pairs,
                             std::vector<std::string> argv) {
  argv.push_back(tmp.write("pairs.txt", pair_file(pairs)).string());
  const zt::test::Completed run = zt::test::run_process(argv, {"LC_ALL=C"});
  INFO(argv.front() << " exited " << run.exit_code << "; stderr: " << run.err.substr(0, 2000));
  REQUIRE(run.exit_code == 0);
  std::vector<std::string> answers = answer_lines(run.out);
  REQUIRE(answers.size() == pairs.size());
  return answers;
}

// What a refusal by dpkg (or Dpkg::Version) requires of parse_dpkg: one side refused, or (for
// perl, which refuses what dpkg only warns about) warned.
bool refused(const std::string& text, bool warned_counts) {
  const auto parsed = zt::vuln::parse_dpkg(text);
  return !parsed || (warned_counts && parsed->warned);
}

// Checks our sign against each tool answer; a refusal must be a refusal of parse_dpkg too.
void check_dpkg(const std::vector<VersionPair>& pairs, const std::vector<std::string>& answers,
                bool perl, Mismatches& mismatches) {
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto& [a, b] = pairs[i];
    const bool parsed = !refused(a, perl) && !refused(b, perl);
    if (answers[i] == "E") {
      if (parsed) mismatches.add(pairs[i], "accepted", "refused");
      continue;
    }
    const int ours = sign(zt::vuln::compare_dpkg(a, b));
    if (!parsed || std::to_string(ours) != answers[i]) {
      mismatches.add(pairs[i], parsed ? std::to_string(ours) : "refused", answers[i]);
    }
  }
}

}  // namespace

TEST_CASE("dpkg: random pairs against Dpkg::Version and dpkg --compare-versions",
          "[integration]") {
  const std::uint64_t seed = zt::test::version_seed();
  std::cout << "dpkg oracle: ZT_VERSION_SEED=" << seed << std::endl;
  std::mt19937_64 rng(seed);
  const std::vector<VersionPair> pairs = zt::test::dpkg_pairs(rng, kRandomPairs);
  const zt::test::TempTree tmp;

  Mismatches perl(seed);
  const auto perl_answers = ask(tmp, pairs, {"/usr/bin/perl", "-e", kPerlScript});
  check_dpkg(pairs, perl_answers, true, perl);
  std::cout << "dpkg oracle: " << pairs.size() << " pairs through Dpkg::Version: "
            << tally(perl_answers) << std::endl;
  // The generator's texts are valid; a few edits may not be.
  CHECK(std::count(perl_answers.begin(), perl_answers.end(), "E") < 1000);
  INFO(perl.report());
  CHECK(perl.count() == 0);

  // dpkg itself, a process or two per pair: the first pairs perl answered, and versions only
  // dpkg answers for.
  std::vector<VersionPair> spot(pairs.begin(), pairs.begin() + kDpkgItself);
  const auto dpkg_only = zt::test::dpkg_only_pairs(rng, kDpkgItself);
  spot.insert(spot.end(), dpkg_only.begin(), dpkg_only.end());
  const auto dpkg_answers = ask(tmp, spot, {"/bin/bash", "-c", kDpkgScript, "dpkg-pairs"});
  Mismatches dpkg(seed);
  check_dpkg(spot, dpkg_answers, false, dpkg);
  for (std::size_t i = 0; i < kDpkgItself; ++i) {
    if (dpkg_answers[i] != perl_answers[i]) {
      dpkg.add(spot[i], "perl " + perl_answers[i], dpkg_answers[i]);
    }
  }
  std::cout << "dpkg oracle: " << spot.size() << " pairs through dpkg --compare-versions: "
            << tally(dpkg_answers) << std::endl;
  INFO(dpkg.report());
  CHECK(dpkg.count() == 0);
}

TEST_CASE("rpm: random pairs against rpm.vercmp", "[integration]") {
  const std::uint64_t seed = zt::test::version_seed();
  std::cout << "rpm oracle: ZT_VERSION_SEED=" << seed << std::endl;
  std::mt19937_64 rng(seed);
  const std::vector<VersionPair> pairs = zt::test::rpm_pairs(rng, kRandomPairs);
  const zt::test::TempTree tmp;
  const std::string in = tmp.write("pairs.txt", pair_file(pairs)).string();
  const std::string out = (tmp.root() / "answers.txt").string();

  const zt::test::Completed run =
      zt::test::run_process({"/usr/bin/rpm", "--eval", rpm_chunk(in, out)});
  INFO("rpm exited " << run.exit_code << "; stderr: " << run.err.substr(0, 2000));
  REQUIRE(run.exit_code == 0);
  const std::vector<std::string> answers = answer_lines(zt::test::read_text(out));
  REQUIRE(answers.size() == pairs.size());

  Mismatches mismatches(seed);
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto& [a, b] = pairs[i];
    if (answers[i] == "E") {  // rpm refuses an empty EVR, and nothing else
      if (!a.empty() && !b.empty()) mismatches.add(pairs[i], "accepted", "refused");
      continue;
    }
    const std::string ours = std::to_string(sign(zt::vuln::compare_rpm(a, b)));
    if (ours != answers[i]) mismatches.add(pairs[i], ours, answers[i]);
  }
  std::cout << "rpm oracle: " << pairs.size() << " pairs through rpm.vercmp: " << tally(answers)
            << std::endl;
  INFO(mismatches.report());
  CHECK(mismatches.count() == 0);
}
