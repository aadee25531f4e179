#include "collectors/ai_ml/pickle_scan.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

namespace zt::ai_ml {
namespace {

// A value on the pickle machine's stack, as far as the scan cares: a MARK, a constant string
// (an index into the machine's texts, so that copies are cheap), an imported callable, or
// anything else.
struct Value {
  enum Kind : std::uint8_t { mark, text, global, other } kind = other;
  std::size_t index = 0;  // into texts_ (text) or the scan's imports (global)
};

// Longer strings are not module or callable names: kept as `other`.
constexpr std::size_t kMaxNameBytes = 512;

class Machine {
 public:
  explicit Machine(std::string_view in) : in_(in) {}

  PickleScan run() {
    bool inside = false;  // opcodes read since the last STOP
    while (pos_ < in_.size() && out_.error.empty()) {
      if (!inside && out_.pickles > 0 && static_cast<unsigned char>(in_[pos_]) != 0x80)
        break;  // what follows the pickles (a legacy PyTorch file's storages) is data
      inside = true;
      if (step()) {
        ++out_.pickles;
        inside = false;
        stack_.clear();
        memo_.clear();
      }
    }
    if (out_.error.empty() && inside) out_.error = "truncated at offset " + std::to_string(pos_);
    return std::move(out_);
  }

 private:
  // One opcode; true when it was STOP.
  bool step() {
    const std::size_t at = pos_;
    const auto op = static_cast<unsigned char>(in_[pos_++]);
    std::string_view arg;
    switch (op) {
      case '.': return true;                                     // STOP
      case '(': stack_.push_back({Value::mark}); break;          // MARK
      case '0': pop(); break;                                    // POP
      case '1': pop_mark(); break;                               // POP_MARK
      case '2': stack_.push_back(stack_.empty() ? Value{} : stack_.back()); break;  // DUP
      case 'F': case 'I': case 'L': case 'P':                    // FLOAT INT LONG PERSID
        if (line(at, arg)) push_other();
        break;
      case 'J': fixed(at, 4); break;                             // BININT
      case 'K': fixed(at, 1); break;                             // BININT1
      case 'M': fixed(at, 2); break;                             // BININT2
      case 'G': fixed(at, 8); break;                             // BINFLOAT
      case 0x82: fixed(at, 1); break;                            // EXT1
      case 0x83: fixed(at, 2); break;                            // EXT2
      case 0x84: fixed(at, 4); break;                            // EXT4
      case 'N': case 0x88: case 0x89: case '}': case ']': case ')': case 0x8f: case 0x97:
        push_other();                                            // constants, empty containers
        break;
      case 'Q': pop(); push_other(); break;                      // BINPERSID
      case 'R': {                                                // REDUCE
        pop();
        call(pop());
        push_other();
        break;
      }
      case 'S':                                                  // STRING 'repr'
        if (line(at, arg)) push_text(unquote(arg));
        break;
      case 'V':                                                  // UNICODE
        if (line(at, arg)) push_text(arg);
        break;
      case 'T': case 'X': counted(at, 4, true); break;          // BINSTRING BINUNICODE
      case 'U': case 0x8c: counted(at, 1, true); break;         // SHORT_BINSTRING, _BINUNICODE
      case 0x8d: counted(at, 8, true); break;                   // BINUNICODE8
      case 0x8a: counted(at, 1, false); break;                  // LONG1
      case 0x8b: counted(at, 4, false); break;                  // LONG4
      case 'B': counted(at, 4, false); break;                   // BINBYTES
      case 'C': counted(at, 1, false); break;                   // SHORT_BINBYTES
      case 0x8e: case 0x96: counted(at, 8, false); break;       // BINBYTES8 BYTEARRAY8
      case 'a': case 'b': pop(); break;                          // APPEND BUILD
      case 's': pop(); pop(); break;                             // SETITEM
      case 'e': case 'u': case 0x90: pop_mark(); break;          // APPENDS SETITEMS ADDITEMS
      case 'd': case 'l': case 't': case 0x91:                   // DICT LIST TUPLE FROZENSET
        pop_mark();
        push_other();
        break;
      case 0x85: pop(); push_other(); break;                     // TUPLE1
      case 0x86: pop(); pop(); push_other(); break;              // TUPLE2
      case 0x87: pop(); pop(); pop(); push_other(); break;       // TUPLE3
      case 'c': {                                                // GLOBAL module\nname\n
        std::string_view module, name;
        if (line(at, module) && line(at, name))
          stack_.push_back({Value::global, import(module, name, at)});
        break;
      }
      case 'i': {                                                // INST module\nname\n
        std::string_view module, name;
        if (line(at, module) && line(at, name)) {
          out_.imports[import(module, name, at)].called = true;
          pop_mark();
          push_other();
        }
        break;
      }
      case 'o': {                                                // OBJ
        std::vector<Value> items = pop_mark();
        if (!items.empty()) call(items.front());
        push_other();
        break;
      }
      case 0x81: pop(); call(pop()); push_other(); break;        // NEWOBJ
      case 0x92: pop(); pop(); call(pop()); push_other(); break; // NEWOBJ_EX
      case 0x93: {                                               // STACK_GLOBAL
        const Value name = pop();
        const Value module = pop();
        const bool known = module.kind == Value::text && name.kind == Value::text;
        stack_.push_back({Value::global, import(known ? texts_[module.index] : "?",
                                                known ? texts_[name.index] : "?", at)});
        break;
      }
      case 'g':                                                  // GET n\n
        if (line(at, arg)) stack_.push_back(memo_get(decimal(arg)));
        break;
      case 'h': if (auto n = number(at, 1)) stack_.push_back(memo_get(*n)); break;  // BINGET
      case 'j': if (auto n = number(at, 4)) stack_.push_back(memo_get(*n)); break;  // LONG_BINGET
      case 'p':                                                  // PUT n\n
        if (line(at, arg)) memo_put(decimal(arg));
        break;
      case 'q': if (auto n = number(at, 1)) memo_put(*n); break;  // BINPUT
      case 'r': if (auto n = number(at, 4)) memo_put(*n); break;  // LONG_BINPUT
      case 0x94: memo_put(memo_.size()); break;                  // MEMOIZE
      case 0x80:                                                 // PROTO
        if (auto n = number(at, 1); n && out_.pickles == 0) out_.protocol = static_cast<int>(*n);
        break;
      case 0x95: fixed(at, 8); break;                            // FRAME
      case 0x98: break;                                          // READONLY_BUFFER
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out_.error = std::string("unknown opcode 0x") + kHex[op >> 4] + kHex[op & 15] +
                     " at offset " + std::to_string(at);
      }
    }
    return false;
  }

  Value pop() {
    if (stack_.empty()) return {};
    Value v = stack_.back();
    stack_.pop_back();
    return v;
  }

  // The values above the topmost MARK, in push order, and the MARK removed.
  std::vector<Value> pop_mark() {
    std::size_t i = stack_.size();
    while (i > 0 && stack_[i - 1].kind != Value::mark) --i;
    std::vector<Value> items(stack_.begin() + static_cast<std::ptrdiff_t>(i), stack_.end());
    stack_.resize(i > 0 ? i - 1 : 0);
    return items;
  }

  void push_other() { stack_.push_back({}); }

  void push_text(std::string_view text) {
    if (text.size() > kMaxNameBytes) return push_other();
    texts_.emplace_back(text);
    stack_.push_back({Value::text, texts_.size() - 1});
  }

  void call(const Value& callee) {
    if (callee.kind == Value::global) out_.imports[callee.index].called = true;
  }

  std::size_t import(std::string_view module, std::string_view name, std::size_t at) {
    auto [it, added] = seen_.try_emplace({std::string(module), std::string(name)},
                                         out_.imports.size());
    if (added) out_.imports.push_back({std::string(module), std::string(name), at, false});
    return it->second;
  }

  Value memo_get(std::uint64_t key) const {
    auto it = memo_.find(key);
    return it == memo_.end() ? Value{} : it->second;
  }
  void memo_put(std::uint64_t key) {
    memo_[key] = stack_.empty() ? Value{} : stack_.back();
  }

  bool truncated(std::size_t at) {
    out_.error = "truncated at offset " + std::to_string(at);
    pos_ = in_.size();
    return false;
  }

  bool take(std::size_t at, std::uint64_t n, std::string_view& out) {
    if (n > in_.size() - pos_) return truncated(at);
    out = in_.substr(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return true;
  }

  // A little-endian unsigned number of `width` bytes.
  std::optional<std::uint64_t> number(std::size_t at, std::size_t width) {
    std::string_view bytes;
    if (!take(at, width, bytes)) return std::nullopt;
    std::uint64_t n = 0;
    for (std::size_t i = width; i-- > 0;) n = (n << 8) | static_cast<unsigned char>(bytes[i]);
    return n;
  }

  void fixed(std::size_t at, std::size_t width) {
    if (number(at, width)) push_other();
  }

  // A length of `width` bytes, then that many bytes: a string (text) or bytes.
  void counted(std::size_t at, std::size_t width, bool text) {
    std::string_view data;
    auto n = number(at, width);
    if (!n || !take(at, *n, data)) return;
    text ? push_text(data) : push_other();
  }

  bool line(std::size_t at, std::string_view& out) {
    const std::size_t end = in_.find('\n', pos_);
    if (end == std::string_view::npos) return truncated(at);
    out = in_.substr(pos_, end - pos_);
    pos_ = end + 1;
    return true;
  }

  static std::uint64_t decimal(std::string_view digits) {
    std::uint64_t n = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') break;
      n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return n;
  }

  // STRING's argument is a Python repr: 'posix' or "posix".
  static std::string_view unquote(std::string_view repr) {
    if (repr.size() >= 2 && (repr.front() == '\'' || repr.front() == '"') &&
        repr.back() == repr.front())
      return repr.substr(1, repr.size() - 2);
    return repr;
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  std::vector<Value> stack_;
  std::unordered_map<std::uint64_t, Value> memo_;
  std::vector<std::string> texts_;
  std::map<std::pair<std::string, std::string>, std::size_t> seen_;
  PickleScan out_;
};

struct Rule {
  std::string_view module;
  std::string_view name;  // "*": every name of the module and of its submodules
};

// Callables that run commands or code, reach files, sockets or the interpreter, or load
// further pickles; looked up before the allowed ones (torch.load is not a tensor).
constexpr Rule kDangerous[] = {
    {"os", "*"}, {"posix", "*"}, {"nt", "*"}, {"subprocess", "*"}, {"_posixsubprocess", "*"},
    {"pty", "*"}, {"runpy", "*"}, {"webbrowser", "*"}, {"socket", "*"}, {"ctypes", "*"},
    {"importlib", "*"}, {"imp", "*"}, {"code", "*"}, {"codeop", "*"}, {"commands", "*"},
    {"multiprocessing", "*"}, {"shutil", "*"}, {"sys", "*"}, {"pdb", "*"}, {"bdb", "*"},
    {"timeit", "*"}, {"platform", "*"}, {"signal", "*"}, {"asyncio", "*"}, {"marshal", "*"},
    {"requests", "*"}, {"httplib", "*"}, {"http", "*"}, {"urllib", "*"}, {"urllib2", "*"},
    {"ftplib", "*"}, {"smtplib", "*"}, {"telnetlib", "*"}, {"torch.hub", "*"},
    {"builtins", "eval"}, {"builtins", "exec"}, {"builtins", "execfile"},
    {"builtins", "compile"}, {"builtins", "__import__"}, {"builtins", "open"},
    {"builtins", "getattr"}, {"builtins", "setattr"}, {"builtins", "delattr"},
    {"builtins", "globals"}, {"builtins", "locals"}, {"builtins", "vars"},
    {"builtins", "breakpoint"}, {"builtins", "input"}, {"builtins", "apply"},
    {"builtins", "file"}, {"builtins", "reload"},
    {"types", "CodeType"}, {"types", "FunctionType"}, {"operator", "methodcaller"},
    {"operator", "attrgetter"}, {"pickle", "*"}, {"_pickle", "*"}, {"cPickle", "*"},
    {"dill", "*"}, {"cloudpickle", "*"}, {"torch", "load"}, {"torch.serialization", "load"},
    {"numpy", "load"}, {"numpy.testing._private.utils", "runstring"},
    {"pandas.io.pickle", "read_pickle"}, {"joblib", "load"},
};

// What the usual model files import: tensors, arrays, estimators, their containers.
constexpr Rule kAllowed[] = {
    {"torch", "*"}, {"torchvision", "*"}, {"numpy", "*"}, {"sklearn", "*"}, {"scipy", "*"},
    {"pandas", "*"}, {"xgboost", "*"}, {"lightgbm", "*"}, {"catboost", "*"},
    {"transformers", "*"}, {"tokenizers", "*"}, {"collections", "*"}, {"datetime", "*"},
    {"decimal", "*"}, {"fractions", "*"}, {"uuid", "*"}, {"pathlib", "*"}, {"enum", "*"},
    {"argparse", "Namespace"}, {"_codecs", "encode"}, {"copyreg", "_reconstructor"},
    {"joblib.numpy_pickle", "NumpyArrayWrapper"}, {"builtins", "set"},
    {"builtins", "frozenset"}, {"builtins", "slice"}, {"builtins", "range"},
    {"builtins", "complex"}, {"builtins", "bytearray"}, {"builtins", "bytes"},
    {"builtins", "dict"}, {"builtins", "list"}, {"builtins", "tuple"}, {"builtins", "object"},
    {"builtins", "int"}, {"builtins", "float"}, {"builtins", "str"}, {"builtins", "bool"},
};

bool matches(const Rule& rule, std::string_view module, std::string_view name) {
  if (rule.name != "*") return module == rule.module && name == rule.name;
  return module == rule.module ||
         (module.starts_with(rule.module) && module.size() > rule.module.size() &&
          module[rule.module.size()] == '.');
}

// Python 2's names of the same modules.
std::string_view python3_module(std::string_view module) {
  if (module == "__builtin__") return "builtins";
  if (module == "copy_reg") return "copyreg";
  return module;
}

}  // namespace

PickleScan scan_pickle(std::string_view bytes) { return Machine(bytes).run(); }

ImportClass classify_import(std::string_view module, std::string_view name) {
  module = python3_module(module);
  for (const Rule& rule : kDangerous)
    if (matches(rule, module, name)) return ImportClass::dangerous;
  for (const Rule& rule : kAllowed)
    if (matches(rule, module, name)) return ImportClass::allowed;
  return ImportClass::unknown;
}

}  // namespace zt::ai_ml
