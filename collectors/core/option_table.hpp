#pragma once
// A collector's options table: one row per option, binding the key, the type, the range,
// the help and the check of its values to one member of the collector's options struct. The
// struct's default member initializers are the defaults; the table reads them, so a default
// is written once. Example (network_options.cpp):
//
//   static const OptionTable<NetworkOptions> table{
//       flag<&NetworkOptions::probe_tls>("probe_tls", "TLS handshakes with …"),
//       integer<&NetworkOptions::probe_timeout>("probe_timeout_ms", 100, 10000, "…"),
//       text_list<&NetworkOptions::probe_ports_allow, &port_range_option>("probe_ports_allow",
//                                                                          "…"),
//   };
//
// Members: bool (flag); any integer type or std::chrono::duration (integer, in the duration's
// unit); std::string (text); std::vector<std::string> (text_list). With a parse function
// `model::Result<T> parse(std::string_view)` a text option fills a T member and a list option
// a std::vector<T> member; the parse function is the row's check, so the config loader
// rejects a bad value where it is written. A parsed option's default is the empty text (or
// list): its member's default must be what "" parses to (or an empty vector).
//
// OptionTable::read fills the struct from validated OptionValues. A value the loader would
// have refused (only a hand-made OptionValues has one) is clamped into an integer's range,
// and makes read throw std::invalid_argument naming the key when it does not parse.
#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "collectors/core/options.hpp"

namespace zt::collector {

template <typename Options>
struct OptionRow {
  OptionSpec spec;
  void (*store)(Options& options, const OptionSpec& spec, const nlohmann::json& value);
};

template <typename Options>
class OptionTable {
 public:
  OptionTable(std::initializer_list<OptionRow<Options>> rows)
      : OptionTable(std::vector<OptionRow<Options>>(rows)) {}
  explicit OptionTable(std::vector<OptionRow<Options>> rows) : rows_(std::move(rows)) {
    for (const OptionRow<Options>& row : rows_) specs_.push_back(row.spec);
  }

  std::span<const OptionSpec> specs() const { return specs_; }

  // `values` must hold every key of the table (the loader and OptionValues::defaults do).
  Options read(const OptionValues& values) const {
    Options options;
    for (const OptionRow<Options>& row : rows_)
      row.store(options, row.spec, values.as_json().at(std::string(row.spec.key)));
    return options;
  }

 private:
  std::vector<OptionRow<Options>> rows_;
  std::vector<OptionSpec> specs_;
};

namespace detail {

template <typename Member>
struct MemberOf;
template <typename Class, typename Type>
struct MemberOf<Type Class::*> {
  using Owner = Class;
  using Value = Type;
};

template <typename T>
struct IsDuration : std::false_type {};
template <typename Rep, typename Period>
struct IsDuration<std::chrono::duration<Rep, Period>> : std::true_type {};

template <auto Parse>
model::Status check_with(std::string_view text) {
  auto parsed = Parse(text);
  if (!parsed) return parsed.error();
  return model::Ok{};
}

template <auto Parse>
auto parsed_or_throw(const OptionSpec& spec, std::string_view text) {
  auto parsed = Parse(text);
  if (!parsed) throw std::invalid_argument(std::string(spec.key) + ": " + parsed.error().message);
  return std::move(parsed).value();
}

}  // namespace detail

template <auto Member>
using OwnerOf = typename detail::MemberOf<decltype(Member)>::Owner;
template <auto Member>
using ValueOf = typename detail::MemberOf<decltype(Member)>::Value;

template <auto Member>
OptionRow<OwnerOf<Member>> flag(std::string_view key, std::string_view help) {
  static_assert(std::is_same_v<ValueOf<Member>, bool>);
  return {{key, OptionType::boolean, help, OwnerOf<Member>{}.*Member},
          [](OwnerOf<Member>& o, const OptionSpec&, const nlohmann::json& v) {
            o.*Member = v.get<bool>();
          }};
}

template <auto Member>
OptionRow<OwnerOf<Member>> integer(std::string_view key, long long min, long long max,
                                   std::string_view help) {
  using T = ValueOf<Member>;
  static_assert(std::is_integral_v<T> || detail::IsDuration<T>::value);
  long long initial = 0;
  if constexpr (detail::IsDuration<T>::value)
    initial = static_cast<long long>((OwnerOf<Member>{}.*Member).count());
  else
    initial = static_cast<long long>(OwnerOf<Member>{}.*Member);
  return {{key, OptionType::integer, help, initial, min, max},
          [](OwnerOf<Member>& o, const OptionSpec& spec, const nlohmann::json& v) {
            const long long value = std::clamp(v.get<long long>(), spec.min, spec.max);
            if constexpr (detail::IsDuration<T>::value)
              o.*Member = T{static_cast<typename T::rep>(value)};
            else
              o.*Member = static_cast<T>(value);
          }};
}

template <auto Member>
OptionRow<OwnerOf<Member>> text(std::string_view key, std::string_view help) {
  static_assert(std::is_same_v<ValueOf<Member>, std::string>);
  return {{key, OptionType::text, help, OwnerOf<Member>{}.*Member},
          [](OwnerOf<Member>& o, const OptionSpec&, const nlohmann::json& v) {
            o.*Member = v.get<std::string>();
          }};
}

template <auto Member, auto Parse>
OptionRow<OwnerOf<Member>> text(std::string_view key, std::string_view help) {
  return {{key, OptionType::text, help, "", 0, 0, &detail::check_with<Parse>},
          [](OwnerOf<Member>& o, const OptionSpec& spec, const nlohmann::json& v) {
            o.*Member = detail::parsed_or_throw<Parse>(spec, v.get<std::string>());
          }};
}

template <auto Member>
OptionRow<OwnerOf<Member>> text_list(std::string_view key, std::string_view help) {
  static_assert(std::is_same_v<ValueOf<Member>, std::vector<std::string>>);
  return {{key, OptionType::text_list, help, OwnerOf<Member>{}.*Member},
          [](OwnerOf<Member>& o, const OptionSpec&, const nlohmann::json& v) {
            o.*Member = v.get<std::vector<std::string>>();
          }};
}

template <auto Member, auto Parse>
OptionRow<OwnerOf<Member>> text_list(std::string_view key, std::string_view help) {
  return {{key, OptionType::text_list, help, nlohmann::json::array(), 0, 0,
           &detail::check_with<Parse>},
          [](OwnerOf<Member>& o, const OptionSpec& spec, const nlohmann::json& v) {
            ValueOf<Member> items;
            for (const nlohmann::json& item : v)
              items.push_back(detail::parsed_or_throw<Parse>(spec, item.get<std::string>()));
            o.*Member = std::move(items);
          }};
}

}  // namespace zt::collector
