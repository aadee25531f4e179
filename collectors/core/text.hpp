#pragma once
// The text helpers of the collectors' pure parse functions: the base library's
// (schema-client/base/text.hpp), named in the collector namespace where the parsers use them.
#include "schema-client/base/text.hpp"

namespace zt::collector {

using base::split_lines;
using base::split_whitespace;
using base::trim;
using base::unquote;

}  // namespace zt::collector
