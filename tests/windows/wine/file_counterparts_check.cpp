// A Windows program, cross-compiled and run under wine64 by file_counterparts_test.cpp: it
// drives the Windows counterparts of the POSIX-only code (SpoolDir, the api key file, SHA-256
// by CNG, HostFs, the report file, thread priority) in a folder given as its argument and
// prints one line per check, "<check>: <result>", so the test compares exact lines.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "agent/report_output.hpp"
#include "agent/thread_priority.hpp"
#include "collectors/core/host_fs.hpp"
#include "schema-client/model/digest.hpp"
#include "transport/key_file.hpp"
#include "transport/spool_dir.hpp"

using namespace zt;

namespace {

void say(const std::string& check, const std::string& result) {
  std::printf("%s: %s\n", check.c_str(), result.c_str());
}

template <typename T>
std::string error_or(const model::Result<T>& result, const std::string& value) {
  return result ? value : "error " + result.error().message;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const std::filesystem::path root = argv[1];
  say("sha256 abc", model::sha256_hex("abc"));

  auto spool = transport::SpoolDir::open(root / "state" / "spool");
  say("spool open", error_or(spool, "ok"));
  if (!spool) return 1;
  auto written = spool->write_durably("1.batch", "payload");
  say("spool write", written ? "ok" : written.error().message);
  auto rewritten = spool->write_durably("1.batch", "payload 2");
  say("spool rewrite", rewritten ? "ok" : rewritten.error().message);
  auto read = spool->read("1.batch", 1024);
  say("spool read", error_or(read, read ? *read : ""));
  auto too_small = spool->read("1.batch", 3);
  say("spool read over the limit", too_small ? "no error" : "refused");
  std::string pieces;
  auto piece_count = spool->read_pieces("1.batch", 8, [&](std::string_view p) { pieces += p; });
  say("spool read from 8", error_or(piece_count, pieces));
  auto dead = spool->open_child("dead");
  say("spool child", error_or(dead, "ok"));
  if (!dead) return 1;
  (void)dead->write_durably("1.batch", "older");
  auto moved = spool->move_to("1.batch", *dead, "1.batch");
  say("spool move to a taken name", error_or(moved, moved ? *moved : ""));
  auto listed = dead->list();
  std::vector<std::string> entries;
  if (listed)
    for (const auto& entry : *listed)
      entries.push_back(entry.name + " " + std::to_string(entry.size) + " bytes");
  std::sort(entries.begin(), entries.end());
  std::string names;
  for (const std::string& entry : entries) names += (names.empty() ? "" : ", ") + entry;
  say("dead list", error_or(listed, names));
  auto removed = dead->remove("1.batch");
  auto removed_again = dead->remove("1.batch");
  say("remove, twice", std::string(removed ? "ok" : "error") + ", " +
                           (removed_again ? "ok" : "error"));

  const auto key_file = root / "state" / "agent.key";
  auto none = transport::read_key_file(key_file);
  say("key before", error_or(none, none && !*none ? "none" : "some"));
  auto saved = transport::write_key_file(root / "state", key_file, "{\"k\":1}");
  say("key save", saved ? "ok" : saved.error().message);
  auto loaded = transport::read_key_file(key_file);
  say("key load", error_or(loaded, loaded && *loaded ? **loaded : "none"));
  // Written without the private ACL: whatever Windows gives a new file there.
  const auto plain_key = root / "plain.key";
  std::ofstream(plain_key) << "{}\n";
  auto plain = transport::read_key_file(plain_key);
  // The message after the path, up to the advice.
  const std::string why = plain ? "" : plain.error().message.substr(plain_key.string().size() + 2);
  say("plain key load", plain ? "accepted" : "refused, " + why.substr(0, why.find(';')));

  // HostFs with the folder as the host root.
  const collector::HostFs fs(root);
  auto key_text = fs.read_file("/state/../../state/agent.key");
  say("hostfs read through ..", error_or(key_text, key_text ? *key_text : ""));
  auto state = fs.list_dir("/state");
  std::string listing;
  if (state)
    for (const std::string& name : *state) listing += (listing.empty() ? "" : ", ") + name;
  say("hostfs list", error_or(state, listing));
  auto folder = fs.stat("/state/spool");
  auto file = fs.stat("/state/agent.key");
  say("hostfs stat", folder && file
                         ? std::string(folder->type == collector::FileType::directory ? "folder"
                                                                                      : "?") +
                               ", " + std::to_string(file->size) + " bytes"
                         : "error");
  say("hostfs missing", std::string(fs.is_missing("/nothing") ? "yes" : "no") + ", " +
                            (fs.is_missing("/state") ? "yes" : "no"));

  const auto report = root / "report.json";
  auto reported = agent::write_report("{}", report);
  auto report_back = fs.read_file("/report.json");
  say("report file", reported ? error_or(report_back, report_back ? *report_back : "")
                              : reported.error().message);
  const std::string lowered = agent::lower_thread_priority(10, true);
  say("background priority", lowered.empty() ? "ok" : lowered);
  return 0;
}
