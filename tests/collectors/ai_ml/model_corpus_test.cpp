// The model file reader on a corpus that Python itself writes (make_models.py corpus): real
// pickler output of protocols 0 to 5, PyTorch's zip layout (stored and deflated) and legacy
// format, joblib's zlib and gzip compression, NumPy .npy/.npz with object arrays, the formats
// without code, and a .bin that is no model. Every file's verdict is compared whole: the
// dangerous and the unknown imports, whether it holds code, what was not read. Nothing is
// ever unpickled (the scanner reads opcodes).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "collectors/ai_ml/model_file.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

using zt::ai_ml::ImportClass;

namespace {

constexpr std::size_t kLimit = std::size_t{64} << 20;

// "code D[posix.system] U[]", "no code D[] U[]", "not a model", with " unread: …" and the
// scan errors after.
std::string verdict(const std::string& name, const std::string& bytes) {
  const auto model = zt::ai_ml::read_model_file(name, bytes, kLimit);
  if (!model) return "not a model";
  std::set<std::string> dangerous, unknown;
  std::string errors;
  for (const auto& p : model->pickles) {
    for (const auto& i : p.scan.imports) {
      const ImportClass c = zt::ai_ml::classify_import(i.module, i.name);
      if (c == ImportClass::dangerous) dangerous.insert(i.module + "." + i.name);
      if (c == ImportClass::unknown) unknown.insert(i.module + "." + i.name);
    }
    if (!p.scan.error.empty()) errors += " error: " + p.scan.error;
  }
  auto joined = [](const std::set<std::string>& s) {
    std::string out;
    for (const std::string& x : s) out += (out.empty() ? "" : ",") + x;
    return out;
  };
  return std::string(model->holds_code ? "code" : "no code") + " D[" + joined(dangerous) + "] U[" +
         joined(unknown) + "]" + (model->unread.empty() ? "" : " unread: " + model->unread) +
         errors;
}

}  // namespace

TEST_CASE("model files written by Python: exact verdicts for every file of the corpus", "[unit]") {
  zt::test::TempTree dir;
  const auto made = zt::test::run_process({"/usr/bin/python3",
                                           ZT_SOURCE_DIR "/tests/collectors/ai_ml/make_models.py",
                                           "corpus", dir.root().string()});
  INFO(made.err);
  REQUIRE(made.exit_code == 0);

  std::map<std::string, std::string> got;
  for (const auto& entry : std::filesystem::directory_iterator(dir.root())) {
    const std::string name = entry.path().filename().string();
    got[name] = verdict(name, zt::test::read_text(entry.path()));
  }
  std::map<std::string, std::string> expected = {
      // Protocols 0 to 2 write Python 2's names: subprocess.Popen was commands.Popen there.
      {"popen.pickle", "code D[commands.Popen] U[]"},
      {"eval.pkl", "code D[builtins.eval] U[]"},
      {"exec.pkl", "code D[builtins.exec] U[]"},
      {"import.pkl", "code D[__builtin__.__import__] U[]"},
      {"runpy.pkl", "code D[runpy.run_path] U[]"},
      {"browser.pkl", "code D[webbrowser.open] U[]"},
      {"memo.pkl", "code D[subprocess.call,subprocess.check_output] U[]"},
      {"custom.pkl", "code D[] U[mylab.nets.Net]"},
      {"state.pkl", "code D[] U[]"},
      {"clean.pt", "code D[] U[]"},
      {"evil.pt", "code D[posix.system] U[]"},
      {"deflated.pth", "code D[subprocess.Popen] U[]"},
      {"legacy.pth", "code D[posix.system] U[]"},
      {"packed.joblib", "code D[posix.system] U[]"},
      {"packed.pkl", "code D[] U[]"},
      {"xz.joblib", "code D[] U[] unread: compressed with xz: not read"},
      {"weights.npy", "no code D[] U[]"},
      {"objects.npy", "code D[posix.system] U[]"},
      {"arrays.npz", "code D[builtins.eval] U[]"},
      {"model.safetensors", "no code D[] U[]"},
      {"tiny.gguf", "no code D[] U[]"},
      {"firmware.bin", "not a model"},
  };
  for (int p = 0; p <= 5; ++p) {
    expected["benign_p" + std::to_string(p) + ".pkl"] = "code D[] U[]";
    expected["system_p" + std::to_string(p) + ".pkl"] = "code D[posix.system] U[]";
  }
  // The pickle cut 9 bytes before its end: what it imported before the cut, and the cut.
  const std::string cut = got["truncated.pkl"];
  CHECK(cut.starts_with("code D[] U[] error: truncated at offset "));
  got.erase("truncated.pkl");
  std::set<std::string> names;
  for (const auto& [name, _] : got) names.insert(name);
  for (const auto& [name, _] : expected) names.insert(name);
  for (const std::string& name : names) {
    INFO(name);
    CHECK(got[name] == expected[name]);
  }
}

TEST_CASE("a pickle cut by the walk's head asks for the whole file", "[unit]") {
  zt::test::TempTree dir;
  const auto made = zt::test::run_process({"/usr/bin/python3",
                                           ZT_SOURCE_DIR "/tests/collectors/ai_ml/make_models.py",
                                           "corpus", dir.root().string()});
  REQUIRE(made.exit_code == 0);
  const std::string evil = zt::test::read_text(dir.root() / "evil.pt");
  // Cut inside data.pkl, and in a later entry (it might be a pickle too); a cut in the
  // central directory leaves every entry whole.
  const std::size_t central = evil.find("PK\x01\x02");
  REQUIRE(central != std::string::npos);
  for (std::size_t cut : {std::size_t{40}, std::size_t{100}, central - 1, central + 10}) {
    INFO("cut at " << cut << " of " << evil.size());
    const auto model = zt::ai_ml::read_model_file("evil.pt", evil.substr(0, cut), kLimit);
    REQUIRE(model);
    CHECK(zt::ai_ml::needs_more_bytes(*model) == (cut < central));
  }
  const auto whole = zt::ai_ml::read_model_file("evil.pt", evil, kLimit);
  REQUIRE(whole);
  CHECK_FALSE(zt::ai_ml::needs_more_bytes(*whole));
}
