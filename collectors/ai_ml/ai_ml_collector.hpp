#pragma once
// The `ai_ml` collector: AI and ML exposures of the host.
// - Model servers and notebooks among the listeners (ml_services.hpp): Jupyter without a
//   token or password, with allow_origin '*' or as root (its command line and ~/.jupyter
//   files, jupyter_config.hpp), Ollama beyond loopback, OpenAI-compatible servers without an
//   API key, TorchServe, Triton, MLflow, Ray, Gradio and Streamlit beyond loopback. Live
//   checks on loopback (live_checks.hpp) ask for the kernel or model list only.
// - Files from the core's one bounded walk (file_detectors.hpp): model files whose pickles
//   import callables that run on load (pickle_scan.hpp; never unpickled), and AI assistants'
//   MCP server configurations with plain-text credentials, shells or the whole filesystem.
//   Credentials are kept as evidence only (core/secret_evidence.hpp).
// It is a ContentCollector (content_collector.hpp): with the agent's hub it shares one walk
// with the other content collectors. A walk cut by its budget makes the run partial and the
// next run resumes it.
#include <memory>

#include "collectors/core/collector.hpp"
#include "collectors/core/live_checker.hpp"

namespace zt::ai_ml {

collector::CollectorDescriptor descriptor();

// The collector with a given live checker (tests replay recorded answers through one).
std::unique_ptr<collector::Collector> make_collector(
    const collector::OptionValues& values, std::unique_ptr<collector::LiveChecker> checker);

}  // namespace zt::ai_ml
