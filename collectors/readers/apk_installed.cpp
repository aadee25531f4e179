#include "collectors/readers/apk_installed.hpp"

#include "collectors/core/text.hpp"

namespace zt::readers {
namespace {

struct Record {
  bool any_line = false;
  ApkPackage package;
};

void finish(Record& record, ApkInstalled& out) {
  if (!record.any_line) return;
  if (record.package.name.empty()) ++out.malformed_records;
  else out.packages.push_back(std::move(record.package));
  record = Record{};
}

}  // namespace

ApkInstalled parse_apk_installed(std::string_view text) {
  ApkInstalled out;
  Record record;
  for (std::string_view line : collector::split_lines(text)) {
    if (collector::trim(line).empty()) {
      finish(record, out);
      continue;
    }
    if (line.size() < 2 || line[1] != ':') continue;  // not a "<letter>:" line: ignored
    record.any_line = true;
    const std::string value{collector::trim(line.substr(2))};
    switch (line[0]) {
      case 'P': record.package.name = value; break;
      case 'V': record.package.version = value; break;
      case 'A': record.package.architecture = value; break;
      case 'L': record.package.license = value; break;
      case 'o': record.package.origin = value; break;
      default: break;
    }
  }
  finish(record, out);
  return out;
}

}  // namespace zt::readers
