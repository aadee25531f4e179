#pragma once
// The dotted keys a commented default configuration file (conf/agent.yaml, conf/ingest.yaml)
// spells out, found by indentation: enough for a file of block maps, which those are. The
// tests check them against the loaders' tables of documented keys.
#include <cstddef>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace zt::test {

inline std::set<std::string> yaml_keys_in(const std::string& text) {
  std::set<std::string> keys;
  std::vector<std::pair<std::size_t, std::string>> parents;  // indent, dotted key
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos || line[indent] == '#') continue;
    const std::size_t colon = line.find(':', indent);
    if (colon == std::string::npos) continue;
    while (!parents.empty() && parents.back().first >= indent) parents.pop_back();
    std::string key = line.substr(indent, colon - indent);
    if (!parents.empty()) key = parents.back().second + "." + key;
    keys.insert(key);
    parents.emplace_back(indent, key);
  }
  return keys;
}

}  // namespace zt::test
