#pragma once
// Who gets into a Jupyter server, from its command line and its configuration files
// (jupyter_notebook_config.py/.json, jupyter_server_config.py/.json). Python files are read
// line by line for plain
// assignments `c.<Class>.<key> = <literal>` (what `jupyter notebook --generate-config` and the
// documentation write); a value that is not a string literal, True or False is left unread.
// Pure; never throws.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zt::ai_ml {

// A Jupyter server's settings that decide who gets in, as the command line or the config
// files set them (nothing: not set, the server's default applies: a random token).
struct JupyterSettings {
  std::optional<std::string> token;
  std::optional<std::string> password;  // a hash, or ""
  std::optional<std::string> allow_origin;
  std::string base_url = "/";
  bool allow_root = false;
  std::vector<std::string> config_files;  // read, in the order applied
  // Neither a token nor a password: whoever reaches the port runs code.
  bool open() const;
  // Fills what `other` sets and this does not (the command line wins over the files).
  void fill_from(const JupyterSettings& other);
};

// What the command line says: `--<Class>.<key>=<value>` (or `… <value>`) for the same
// settings, and `--allow-root`.
JupyterSettings jupyter_arguments(const std::vector<std::string>& arguments);
// The file of `--config=FILE`, or "".
std::string jupyter_config_argument(const std::vector<std::string>& arguments);

JupyterSettings parse_jupyter_config_py(std::string_view text);
JupyterSettings parse_jupyter_config_json(std::string_view text);

}  // namespace zt::ai_ml
