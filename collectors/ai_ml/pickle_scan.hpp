#pragma once
// Python pickles read as opcodes, never unpickled: which callables a pickle imports (GLOBAL,
// STACK_GLOBAL, INST) and whether it calls them (REDUCE, INST, OBJ, NEWOBJ). Loading a pickle
// runs every such call, so an import of os.system is code that runs on load.
//
// The scan follows the pickle machine's stack and memo just far enough to know the strings
// STACK_GLOBAL takes (a module name memoised once and fetched with BINGET, as protocol 4
// writes it) and which value a REDUCE calls. Protocols 0 to 5; several pickles one after the
// other (PyTorch's legacy format) while each next one starts with PROTO. Pure; never throws.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zt::ai_ml {

struct PickleImport {
  std::string module;      // "posix"; "?" when STACK_GLOBAL's operands were not constant strings
  std::string name;        // "system"
  std::size_t offset = 0;  // of the opcode that imported it (its first import)
  bool called = false;     // a REDUCE, INST, OBJ or NEWOBJ applies it
  bool operator==(const PickleImport&) const = default;
};

struct PickleScan {
  std::vector<PickleImport> imports;  // each (module, name) once, in the order first seen
  std::size_t pickles = 0;            // pickles read to their STOP
  int protocol = 0;                   // the first pickle's PROTO, 0 or 1 when it has none
  // Why the scan ended before the input did, or before a STOP: "unknown opcode 0x5a at
  // offset 120", "truncated at offset 88"; "" when every pickle ended at its STOP.
  std::string error;
};

PickleScan scan_pickle(std::string_view bytes);

// How an import is judged. dangerous: runs commands or code, opens files or sockets, loads
// more pickles (os, posix, nt, subprocess, builtins.eval/exec/__import__/getattr/open,
// runpy, webbrowser, socket, ctypes, importlib, pickle.loads, …). allowed: what models of
// the usual ML libraries import (torch, numpy, scikit-learn, scipy, pandas, collections,
// builtins' plain types, _codecs.encode, copyreg._reconstructor, …). unknown: the rest.
enum class ImportClass { allowed, unknown, dangerous };
ImportClass classify_import(std::string_view module, std::string_view name);

}  // namespace zt::ai_ml
