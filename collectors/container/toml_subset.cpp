#include "collectors/container/toml_subset.hpp"

#include <cctype>
#include <charconv>

#include "collectors/core/utf8.hpp"
#include "collectors/core/text.hpp"

namespace zt::container {
namespace {

using model::Error;

// A cursor over the whole text that knows its line, so arrays may span lines.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  std::size_t line() const { return line_; }
  void advance() {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  // Spaces and tabs; with `newlines`, also line ends and comments (inside arrays).
  void skip_blank(bool newlines) {
    while (!done()) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
        advance();
      } else if (c == '#' && newlines) {
        while (!done() && peek() != '\n') advance();
      } else {
        break;
      }
    }
  }
  // Up to the end of the line (not consuming the '\n').
  std::string_view rest_of_line() {
    const std::size_t start = pos_;
    while (!done() && peek() != '\n') advance();
    return text_.substr(start, pos_ - start);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

class Parser {
 public:
  Parser(std::string_view text, std::string_view file) : in_(text), file_(file) {}

  model::Result<TomlDocument> run() {
    while (error_.empty()) {
      in_.skip_blank(true);
      if (in_.done()) break;
      if (in_.peek() == '[') {
        header();
      } else {
        entry();
      }
    }
    if (!error_.empty()) return Error{error_};
    return std::move(doc_);
  }

 private:
  void fail(std::string_view what) {
    if (error_.empty())
      error_ = std::string(file_) + ":" + std::to_string(in_.line()) + ": " + std::string(what);
  }

  // After a header or a value: only blanks and a comment may follow on the line.
  void end_of_line() {
    in_.skip_blank(false);
    const std::string_view rest = collector::trim(in_.rest_of_line());
    if (!rest.empty() && rest.front() != '#') fail("unexpected text after the value");
  }

  void header() {
    std::string_view line = collector::trim(in_.rest_of_line());
    if (const auto hash = line.find('#'); hash != std::string_view::npos)
      line = collector::trim(line.substr(0, hash));
    const bool array = line.starts_with("[[");
    const std::size_t open = array ? 2 : 1;
    if (line.size() < 2 * open + 1 || (array && !line.ends_with("]]")) || line.back() != ']') {
      fail("malformed table header");
      return;
    }
    table_ = std::string(collector::trim(line.substr(open, line.size() - 2 * open)));
    ++block_;
  }

  void entry() {
    TomlEntry e;
    e.table = table_;
    e.block = block_;
    e.line = in_.line();
    std::string key;
    while (!in_.done() && in_.peek() != '=' && in_.peek() != '\n') {
      key += in_.peek();
      in_.advance();
    }
    if (in_.peek() != '=') {
      fail("expected key = value");
      return;
    }
    in_.advance();
    e.key = std::string(collector::unquote(collector::trim(key)));
    if (e.key.empty()) {
      fail("empty key");
      return;
    }
    in_.skip_blank(false);
    if (in_.peek() == '[') {
      e.is_array = true;
      array(e.values);
    } else {
      scalar(e.values);
    }
    if (!error_.empty()) return;
    end_of_line();
    doc_.entries.push_back(std::move(e));
  }

  void array(std::vector<TomlScalar>& out) {
    in_.advance();  // '['
    while (error_.empty()) {
      in_.skip_blank(true);
      if (in_.done()) return fail("unterminated array");
      if (in_.peek() == ']') {
        in_.advance();
        return;
      }
      if (in_.peek() == '[') return fail("nested arrays are not supported");
      scalar(out);
      in_.skip_blank(true);
      if (in_.done()) return fail("unterminated array");
      if (in_.peek() == ',') {
        in_.advance();
      } else if (in_.peek() != ']') {
        return fail("expected ',' or ']' in the array");
      }
    }
  }

  void scalar(std::vector<TomlScalar>& out) {
    const char c = in_.peek();
    if (c == '"' || c == '\'') return string(out, c);
    std::string word;
    while (!in_.done() && (std::isalnum(static_cast<unsigned char>(in_.peek())) ||
                           in_.peek() == '_' || in_.peek() == '-' || in_.peek() == '+')) {
      word += in_.peek();
      in_.advance();
    }
    if (word == "true" || word == "false") {
      out.emplace_back(word == "true");
      return;
    }
    std::string digits;
    for (char d : word)
      if (d != '_') digits += d;
    if (!digits.empty() && digits.front() == '+') digits.erase(0, 1);
    long long number = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size())
      return fail("unsupported value (expected a string, boolean, integer or array)");
    out.emplace_back(number);
  }

  void string(std::vector<TomlScalar>& out, char quote) {
    in_.advance();
    std::string value;
    while (true) {
      if (in_.done() || in_.peek() == '\n') return fail("unterminated string");
      const char c = in_.peek();
      in_.advance();
      if (c == quote) break;
      if (c == '\\' && quote == '"') {
        if (in_.done()) return fail("unterminated string");
        const char e = in_.peek();
        in_.advance();
        switch (e) {
          case 'n':
            value += '\n';
            break;
          case 't':
            value += '\t';
            break;
          case '"':
            value += '"';
            break;
          case '\\':
            value += '\\';
            break;
          default:
            return fail(std::string("unsupported escape \\") + e);
        }
      } else {
        value += c;
      }
    }
    out.emplace_back(std::move(value));
  }

  Cursor in_;
  std::string_view file_;
  std::string error_;
  std::string table_;
  std::size_t block_ = 0;
  TomlDocument doc_;
};

}  // namespace

model::Result<TomlDocument> parse_toml_subset(std::string_view text, std::string_view file) {
  // TOML is UTF-8; checked up front so no value can carry invalid text into a finding.
  std::size_t number = 0;
  for (std::string_view line : collector::split_lines(text)) {
    ++number;
    if (!collector::is_valid_utf8(line))
      return Error{std::string(file) + ":" + std::to_string(number) + ": not valid UTF-8"};
  }
  return Parser(text, file).run();
}

}  // namespace zt::container
