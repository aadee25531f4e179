#include "schema-client/model/timestamp.hpp"

#include <charconv>
#include <cstdio>

namespace zt::model {
namespace {

using namespace std::chrono;

bool read_int(std::string_view text, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > text.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  std::from_chars(text.data() + pos, text.data() + pos + len, out);
  return true;
}

std::optional<sys_days> read_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !read_int(text, 0, 4, y) ||
      !read_int(text, 5, 2, m) || !read_int(text, 8, 2, d))
    return std::nullopt;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

}  // namespace

Timestamp now() { return time_point_cast<milliseconds>(system_clock::now()); }

std::string format_timestamp(Timestamp t) {
  const sys_days day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                long(hms.minutes().count()), long(hms.seconds().count()),
                long(hms.subseconds().count()));
  return buf;
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  auto day = read_date(text);
  int h = 0, mi = 0, s = 0;
  if (!day || text.size() < 20 || (text[10] != 'T' && text[10] != 't') || text[13] != ':' ||
      text[16] != ':' || !read_int(text, 11, 2, h) || !read_int(text, 14, 2, mi) ||
      !read_int(text, 17, 2, s) || h > 23 || mi > 59 || s > 60)
    return std::nullopt;
  Timestamp t = time_point_cast<milliseconds>(*day) + hours{h} + minutes{mi} + seconds{s};
  std::size_t pos = 19;
  if (text[pos] == '.') {
    std::size_t digits = 0;
    long frac = 0;
    for (++pos; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, ++digits)
      if (digits < 3) frac = frac * 10 + (text[pos] - '0');
    if (digits == 0) return std::nullopt;
    for (; digits < 3; ++digits) frac *= 10;
    t += milliseconds{frac};
  }
  std::string_view zone = text.substr(pos);
  if (zone == "Z" || zone == "z") return t;
  int oh = 0, om = 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' ||
      !read_int(zone, 1, 2, oh) || !read_int(zone, 4, 2, om) || oh > 23 || om > 59)
    return std::nullopt;
  const minutes offset{oh * 60 + om};
  return zone[0] == '+' ? t - offset : t + offset;
}

bool is_valid_date(std::string_view text) { return text.size() == 10 && read_date(text); }

}  // namespace zt::model
