#pragma once
// The one JSON walk every feed reader shares. Unlike model::ObjectReader (the wire contracts'
// strict reader) it lets unknown keys pass: feeds grow fields we do not read, and a record
// must not be refused for them. What it reads it checks, in ObjectReader's words ("required
// key is missing", "expected string, got number") and at a JSON path, into a ProblemLog that
// names the file. Nothing throws: a value that cannot be read is logged and a neutral one
// returned, so one pass finds every problem of a record; the reader then skips the record
// when the log grew while reading it (RecordScope). Enum fields are read through a NameTable,
// the one list of the names a feed writes for them. Pure; any thread.
#include <array>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema-client/feeds/records.hpp"

namespace zt::feeds {

class ProblemLog {
 public:
  ProblemLog(std::string file, std::vector<Problem>& out) : file_(std::move(file)), out_(out) {}

  void add(std::string at, std::string message) {
    out_.push_back({file_, std::move(at), std::move(message)});
  }
  std::size_t count() const { return out_.size(); }

 private:
  std::string file_;
  std::vector<Problem>& out_;
};

// True when nothing was logged since it was made: the record read meanwhile is whole.
class RecordScope {
 public:
  explicit RecordScope(const ProblemLog& log) : log_(log), before_(log.count()) {}
  bool clean() const { return log_.count() == before_; }

 private:
  const ProblemLog& log_;
  std::size_t before_;
};

// The whole of `bytes` as JSON; nullopt (and "$: not JSON: …" logged) when it is not, or when
// it nests deeper than kMaxJsonDepth (the parser recurses; a hostile file must not exhaust the
// stack).
inline constexpr int kMaxJsonDepth = 256;
std::optional<nlohmann::json> parse_document(std::string_view bytes, ProblemLog& log);

// The records and problems read_document(document, log, read) finds in a parsed document.
template <typename Read, typename ReadDocument>
Read read_json_document(std::string_view name, const nlohmann::json& document,
                        ReadDocument read_document) {
  Read read;
  ProblemLog log(std::string(name), read.problems);
  read_document(document, log, read);
  return read;
}

// The same of a whole JSON feed file, or the reason it is not JSON.
template <typename Read, typename ReadDocument>
Read read_json_feed(std::string_view name, std::string_view bytes, ReadDocument read_document) {
  Read read;
  ProblemLog log(std::string(name), read.problems);
  if (const auto document = parse_document(bytes, log)) read_document(*document, log, read);
  return read;
}

// RFC 3339, and the two spellings feeds use beside it: no zone at all (NVD, CVE 5; their times
// are UTC) and "+0000" without the colon (EPSS).
std::optional<Timestamp> parse_feed_time(std::string_view text);

// A value as a message shows it: JSON text, cut to 80 characters.
std::string shown(const nlohmann::json& value);

// "$.affected" + 3 → "$.affected[3]"
std::string index_path(const std::string& path, std::size_t index);

// The names a feed writes for the values of an enum (or a flag), in the order messages list
// them: {{OsvRangeType::git, "GIT"}, …}.
template <typename Value, std::size_t N>
using NameTable = std::array<std::pair<Value, std::string_view>, N>;

template <typename Value, std::size_t N>
std::string_view name_in(const NameTable<Value, N>& table, Value value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

template <typename Value, std::size_t N>
std::optional<Value> value_in(const NameTable<Value, N>& table, std::string_view name) {
  for (const auto& [v, n] : table)
    if (n == name) return v;
  return std::nullopt;
}

class Fields {
 public:
  // Logs "expected object, got …" when `value` is not one.
  Fields(const nlohmann::json& value, std::string path, ProblemLog& log);

  bool is_object() const { return value_.is_object(); }
  std::string path_of(std::string_view key) const { return path_ + "." + std::string(key); }
  void fail(std::string at, std::string message) { log_.add(std::move(at), std::move(message)); }

  // The value at `key`; nullptr when absent (logged when required). A null counts as absent.
  const nlohmann::json* get(std::string_view key, bool required = false);
  // A string; required ones must not be empty.
  std::string text(std::string_view key, bool required = false);
  std::optional<Timestamp> time(std::string_view key, bool required = false);
  std::string date(std::string_view key, bool required = false);  // "YYYY-MM-DD"
  std::optional<double> number(std::string_view key, double min, double max, bool required = false);
  std::optional<long long> integer(std::string_view key);
  std::vector<std::string> strings(std::string_view key);
  // The array (object) at `key`; nullptr when absent or of another type (logged).
  const nlohmann::json* array(std::string_view key, bool required = false);
  const nlohmann::json* object(std::string_view key, bool required = false);
  // One of the table's names, as its value; "must be one of A, B, got …" for another.
  template <typename Value, std::size_t N>
  std::optional<Value> one_of(std::string_view key, const NameTable<Value, N>& table,
                              bool required = true) {
    const nlohmann::json* v = get(key, required);
    if (v == nullptr) return std::nullopt;
    if (v->is_string())
      if (auto value = value_in(table, v->get_ref<const std::string&>())) return value;
    std::string allowed;
    for (const auto& [value, name] : table)
      allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    fail(path_of(key), "must be one of " + allowed + ", got " + shown(*v));
    return std::nullopt;
  }
  // Calls read(item, its path) for every item of the array at `key`.
  template <typename Read>
  void each(std::string_view key, Read&& read, bool required = false) {
    if (const nlohmann::json* items = array(key, required))
      for (std::size_t i = 0; i < items->size(); ++i)
        read((*items)[i], index_path(path_of(key), i));
  }
  // The value kept as written when its text is at most kMaxRawJson bytes; else null.
  nlohmann::json raw(std::string_view key);

 private:
  void wrong_type(std::string_view key, std::string_view expected, const nlohmann::json& got);

  const nlohmann::json& value_;
  std::string path_;
  ProblemLog& log_;
};

}  // namespace zt::feeds
