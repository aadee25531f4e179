#pragma once
// What a model file is and what loading it would run, from its name and its bytes (all of
// them, or the first the walk read). Formats by name, confirmed by content:
//   .pkl .pickle .joblib   a pickle, or one compressed with zlib or gzip (joblib's
//                          compress=); other compressions are named, not read
//   .pt .pth .ckpt .bin    PyTorch: a zip whose *.pkl entries are pickles (data.pkl), or the
//                          legacy format (pickles one after the other); a .bin is a model only
//                          when it is one of those
//   .npy .npz              NumPy: an array with an object dtype is followed by a pickle; an
//                          .npz is a zip of .npy
//   .safetensors .gguf     formats that hold no code: counted, never findings
// Each pickle is read by scan_pickle (never unpickled). Pure; never throws.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/ai_ml/pickle_scan.hpp"

namespace zt::ai_ml {

enum class ModelFormat { pickle, joblib, pytorch, numpy, safetensors, gguf };
std::string_view to_string(ModelFormat format);

struct PickleStream {
  std::string entry;  // the zip entry it is, "" for the file itself
  PickleScan scan;
};

struct ModelFile {
  ModelFormat format = ModelFormat::pickle;
  std::string framework;  // "PyTorch", "scikit-learn", "NumPy", "joblib", "GGUF", …
  std::vector<PickleStream> pickles;
  bool holds_code = false;  // a pickle is in it: loading it runs what the pickle imports
  // What was not read and why ("compressed with xz: not read", "entry archive/data.pkl lies
  // past the bytes read"), "" when everything was.
  std::string unread;
};

// Is this a name the model detector wants (one of the extensions above)?
bool is_model_file_name(std::string_view name);

// The model file `name` holds, or nothing when its content is not the format its name says
// (a .bin that is neither a zip nor a pickle, a .npy without NumPy's magic). `limit` caps what
// one inflated stream may take.
std::optional<ModelFile> read_model_file(std::string_view name, std::string_view bytes,
                                         std::size_t limit);

// Whether the file must be read further to judge it: its bytes were cut and a pickle or an
// entry ran past them.
bool needs_more_bytes(const ModelFile& model);

}  // namespace zt::ai_ml
