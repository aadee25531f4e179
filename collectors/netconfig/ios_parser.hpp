#pragma once
// Cisco IOS / IOS-XE `show running-config` text into the typed model of ios_model.hpp. Line
// oriented: a line that starts in column 0 is a global command (and may open a block:
// interface, line, named access list, IKE policy); an indented line belongs to the block
// above it. Multi-line banners are skipped to their delimiter. What is not modelled is
// ignored; nothing in the text makes it fail (a cut file is parsed as far as it goes, and
// ends_with_end says whether the final `end` is there). Pure: no I/O, no throw, linear in
// the text's size.
//
// Arista EOS is read by the same parser in its EOS dialect: 3-space indented blocks,
// `management telnet|ssh|api http-commands` blocks, `ip access-list NAME` (extended) with
// sequence numbers and prefixes, `banner login` up to a line `EOF`, the model and release of
// the `! device:` comment, `secret sha512`, `aaa root`, `no lldp run`.
#include <string_view>

#include "collectors/netconfig/ios_model.hpp"

namespace zt::netconfig {

enum class Dialect { ios, eos };

IosConfig parse_ios(std::string_view text, Dialect dialect = Dialect::ios);

}  // namespace zt::netconfig
