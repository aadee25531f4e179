#include "collectors/ai_ml/ai_ml_options.hpp"

#include "collectors/core/option_table.hpp"

namespace zt::ai_ml {
namespace {

const collector::OptionTable<AiMlOptions>& table() {
  using namespace collector;  // the row makers: flag, integer, text, text_list
  using O = AiMlOptions;
  static const OptionTable<O> kTable = table_with_walk_rows<O>({
      flag<&O::scan_files>(
          "scan_files",
          "walk the host's files for model files (pickles that run code when loaded, "
          "safetensors and GGUF counted) and AI assistants' MCP server configurations"),
      flag<&O::check_services>(
          "check_services",
          "look at the listening model servers and notebooks: Jupyter, Ollama, vLLM, "
          "llama.cpp, text-generation-inference, TorchServe, Triton, MLflow, Ray, Gradio, "
          "Streamlit, MCP servers over HTTP"),
      flag<&O::live_checks>(
          "live_checks",
          "ask local Jupyter, Ollama and OpenAI-compatible servers through loopback (only "
          "when host_root is \"/\") for their kernel or model list, and MCP servers for an "
          "initialize handshake: answered without credentials means open; never a prompt, "
          "an inference or a tool call"),
      integer<&O::live_timeout>("live_timeout_ms", 100, 10000,
                                "time limit for one live check, in milliseconds"),
      integer<&O::max_model_megabytes>(
          "max_model_megabytes", 1, 65536,
          "largest model file read whole when the walk's first bytes cut its pickle; a "
          "larger one is judged on those bytes and said to be partly read"),
  });
  return kTable;
}

}  // namespace

std::span<const collector::OptionSpec> option_specs() { return table().specs(); }

AiMlOptions AiMlOptions::from(const collector::OptionValues& values) {
  return table().read(values);
}

}  // namespace zt::ai_ml
