#include "collectors/ai_ml/model_file.hpp"

#include "collectors/ai_ml/zip_entries.hpp"
#include "schema-client/base/gzip.hpp"

namespace zt::ai_ml {
namespace {

constexpr std::string_view kNumpyMagic{"\x93NUMPY", 6};
constexpr std::string_view kGgufMagic = "GGUF";
constexpr std::string_view kXzMagic{"\xfd" "7zXZ\0", 6};  // "\xfd7" would be one escape
constexpr std::string_view kPast = "past the bytes read";

bool has_extension(std::string_view name, std::initializer_list<std::string_view> extensions) {
  for (std::string_view e : extensions)
    if (name.size() > e.size() && name.ends_with(e)) return true;
  return false;
}

bool looks_like_pickle(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x80 &&
         static_cast<unsigned char>(bytes[1]) >= 2 && static_cast<unsigned char>(bytes[1]) <= 5;
}

// Compressions joblib writes, by their magic; "" when the bytes are none of them.
std::string_view compression_of(std::string_view bytes) {
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x78) return "zlib";
  if (bytes.starts_with("\x1f\x8b")) return "gzip";
  if (bytes.starts_with("ZF")) return "zlib (joblib 0.9)";
  if (bytes.starts_with(kXzMagic)) return "xz";
  if (bytes.starts_with("BZh")) return "bzip2";
  if (bytes.starts_with("\x04\x22\x4d\x18")) return "lz4";
  return "";
}

// A NumPy array's header and what follows it; the pickle when its dtype holds objects.
struct NumpyArray {
  bool valid = false;
  bool objects = false;
  std::string_view data;
};

NumpyArray read_numpy(std::string_view bytes) {
  NumpyArray out;
  if (!bytes.starts_with(kNumpyMagic) || bytes.size() < 10) return out;
  const int major = static_cast<unsigned char>(bytes[6]);
  const std::size_t width = major == 1 ? 2 : 4;
  if (bytes.size() < 8 + width) return out;
  std::size_t length = 0;
  for (std::size_t i = width; i-- > 0;)
    length = (length << 8) | static_cast<unsigned char>(bytes[8 + i]);
  const std::size_t start = 8 + width;
  if (length > bytes.size() - start) return out;
  const std::string_view header = bytes.substr(start, length);
  const std::size_t descr = header.find("'descr'");
  if (descr == std::string_view::npos) return out;
  const std::size_t end = header.find("'fortran_order'");
  const std::string_view type =
      header.substr(descr, end == std::string_view::npos ? std::string_view::npos : end - descr);
  out.valid = true;
  out.objects =
      type.find("|O'") != std::string_view::npos || type.find("'O'") != std::string_view::npos;
  out.data = bytes.substr(start + length);
  return out;
}

// The framework a model's imports name, else the format's own.
std::string framework_of(const ModelFile& model) {
  static constexpr std::pair<std::string_view, std::string_view> kByModule[] = {
      {"torch", "PyTorch"},     {"sklearn", "scikit-learn"}, {"xgboost", "XGBoost"},
      {"lightgbm", "LightGBM"}, {"catboost", "CatBoost"},    {"transformers", "Transformers"},
      {"pandas", "pandas"},     {"numpy", "NumPy"}};
  for (const auto& [module, framework] : kByModule)
    for (const PickleStream& p : model.pickles)
      for (const PickleImport& i : p.scan.imports)
        if (i.module == module || i.module.starts_with(std::string(module) + "."))
          return std::string(framework);
  switch (model.format) {
    case ModelFormat::pytorch:
      return "PyTorch";
    case ModelFormat::numpy:
      return "NumPy";
    case ModelFormat::joblib:
      return "joblib";
    case ModelFormat::safetensors:
      return "safetensors";
    case ModelFormat::gguf:
      return "GGUF";
    case ModelFormat::pickle:
      break;
  }
  return "pickle";
}

void add_pickle(ModelFile& model, std::string entry, std::string_view bytes) {
  model.holds_code = true;
  model.pickles.push_back({std::move(entry), scan_pickle(bytes)});
}

// A pickle file, plain or compressed.
void read_pickle_file(ModelFile& model, std::string_view bytes, std::size_t limit) {
  const std::string_view compression = compression_of(bytes);
  if (compression.empty()) return add_pickle(model, "", bytes);
  model.holds_code = true;
  if (compression != "zlib" && compression != "gzip") {
    model.unread = "compressed with " + std::string(compression) + ": not read";
    return;
  }
  auto plain = compression == "gzip" ? base::gzip_decompress(bytes, limit)
                                     : base::inflate(bytes, limit, base::DeflateWrapper::zlib);
  if (!plain) {
    model.unread = plain.error().message.find("truncated") != std::string::npos
                       ? std::string("compressed pickle ") + std::string(kPast)
                       : plain.error().message;
    return;
  }
  add_pickle(model, "", *plain);
}

// The pickles of a zip (PyTorch's *.pkl entries, an .npz's object arrays).
void read_zip(ModelFile& model, std::string_view bytes, std::size_t limit) {
  const ZipListing listing = zip_entries(bytes);
  for (const ZipEntry& entry : listing.entries) {
    const bool pickle = entry.name.ends_with(".pkl");
    const bool array = entry.name.ends_with(".npy");
    if (!pickle && !array) continue;
    auto content = zip_entry_content(bytes, entry, limit);
    if (!content) {
      const std::string& why = content.error().message;
      model.unread = why.find("truncated") != std::string::npos
                         ? "entry " + entry.name + " " + std::string(kPast)
                         : why;
      if (pickle) model.holds_code = true;
      continue;
    }
    if (pickle) {
      add_pickle(model, entry.name, *content);
    } else if (const NumpyArray a = read_numpy(*content); a.objects) {
      add_pickle(model, entry.name, a.data);
    }
  }
  if (model.unread.empty() && listing.error.starts_with("truncated"))
    model.unread = "zip entries " + std::string(kPast);
}

bool zip_holds_pickles(std::string_view bytes) {
  for (const ZipEntry& e : zip_entries(bytes).entries)
    if (e.name.ends_with(".pkl")) return true;
  return false;
}

}  // namespace

std::string_view to_string(ModelFormat format) {
  switch (format) {
    case ModelFormat::pickle:
      return "pickle";
    case ModelFormat::joblib:
      return "joblib";
    case ModelFormat::pytorch:
      return "pytorch";
    case ModelFormat::numpy:
      return "numpy";
    case ModelFormat::safetensors:
      return "safetensors";
    case ModelFormat::gguf:
      return "gguf";
  }
  return "pickle";
}

bool is_model_file_name(std::string_view name) {
  return has_extension(name, {".pkl", ".pickle", ".joblib", ".pt", ".pth", ".ckpt", ".bin", ".npy",
                              ".npz", ".safetensors", ".gguf"});
}

std::optional<ModelFile> read_model_file(std::string_view name, std::string_view bytes,
                                         std::size_t limit) {
  ModelFile model;
  if (has_extension(name, {".pkl", ".pickle", ".joblib"})) {
    model.format = name.ends_with(".joblib") ? ModelFormat::joblib : ModelFormat::pickle;
    read_pickle_file(model, bytes, limit);
  } else if (has_extension(name, {".pt", ".pth", ".ckpt", ".bin"})) {
    model.format = ModelFormat::pytorch;
    const bool bin = name.ends_with(".bin");
    if (is_zip(bytes) && (!bin || zip_holds_pickles(bytes))) {
      read_zip(model, bytes, limit);
    } else if (looks_like_pickle(bytes)) {
      add_pickle(model, "", bytes);
      if (bin && model.pickles.front().scan.pickles == 0 &&
          !model.pickles.front().scan.error.starts_with("truncated"))
        return std::nullopt;  // some other binary that starts like a pickle
    } else {
      if (bin) return std::nullopt;
      model.unread = "neither a zip nor a pickle: not read";
    }
  } else if (has_extension(name, {".npy"})) {
    model.format = ModelFormat::numpy;
    const NumpyArray array = read_numpy(bytes);
    if (!array.valid) return std::nullopt;
    if (array.objects) add_pickle(model, "", array.data);
  } else if (has_extension(name, {".npz"})) {
    model.format = ModelFormat::numpy;
    if (!is_zip(bytes)) return std::nullopt;
    read_zip(model, bytes, limit);
  } else if (has_extension(name, {".safetensors"})) {
    model.format = ModelFormat::safetensors;
    if (bytes.size() < 9 || bytes[8] != '{') return std::nullopt;
  } else if (has_extension(name, {".gguf"})) {
    model.format = ModelFormat::gguf;
    if (!bytes.starts_with(kGgufMagic)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  model.framework = framework_of(model);
  return model;
}

bool needs_more_bytes(const ModelFile& model) {
  if (model.unread.find(kPast) != std::string::npos) return true;
  for (const PickleStream& p : model.pickles)
    if (p.scan.error.starts_with("truncated")) return true;
  return false;
}

}  // namespace zt::ai_ml
