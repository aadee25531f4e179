#include "collectors/web3/systemd_exec.hpp"

#include "collectors/core/text.hpp"

namespace zt::web3 {

std::vector<std::string> split_command(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (char c : line) {
    if (quote) {
      if (c == quote)
        quote = 0;
      else
        word += c;
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

std::vector<std::vector<std::string>> exec_start_commands(std::string_view unit_text) {
  std::vector<std::vector<std::string>> commands;
  std::string logical;
  for (std::string_view raw : collector::split_lines(unit_text)) {
    std::string_view line = collector::trim(raw);
    const bool continues = line.ends_with('\\');
    if (continues) line.remove_suffix(1);
    logical += line;
    logical += ' ';
    if (continues) continue;
    std::string_view full = collector::trim(logical);
    if (full.starts_with("ExecStart=")) {
      full.remove_prefix(10);
      while (!full.empty() &&
             std::string_view("-@:+!").find(full.front()) != std::string_view::npos)
        full.remove_prefix(1);
      if (auto words = split_command(full); !words.empty()) commands.push_back(std::move(words));
    }
    logical.clear();
  }
  return commands;
}

}  // namespace zt::web3
