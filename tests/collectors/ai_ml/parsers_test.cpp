// The ai_ml collector's pure parsers on inline text: the pickle scanner on hand-made opcode
// sequences, the import classes, MCP client configurations of each assistant's shape,
// Jupyter's command lines and configuration files, the services' identities, the listing
// answers of the live checks (recorded from the real servers' documented answers) and the
// Hugging Face cache layout. Each parser is fuzzed.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "collectors/ai_ml/file_detectors.hpp"
#include "collectors/ai_ml/jupyter_config.hpp"
#include "collectors/ai_ml/live_checks.hpp"
#include "collectors/ai_ml/mcp_config.hpp"
#include "collectors/ai_ml/ml_services.hpp"
#include "collectors/ai_ml/model_file.hpp"
#include "collectors/ai_ml/pickle_scan.hpp"
#include "collectors/ai_ml/zip_entries.hpp"
#include "tests/support/fuzz.hpp"

using namespace zt::ai_ml;
using namespace std::string_literals;

TEST_CASE("pickle scan: protocol 0 GLOBAL and REDUCE, INST, and where each was imported",
          "[unit]") {
  // cos\nsystem\n(S'id'\ntR.  — os.system("id")
  const PickleScan a = scan_pickle("cos\nsystem\n(S'id'\ntR.");
  REQUIRE(a.imports.size() == 1);
  CHECK(a.imports[0] == PickleImport{"os", "system", 0, true});
  CHECK(a.pickles == 1);
  CHECK(a.error.empty());
  // INST: (S'id'\nisubprocess\ncall\n.
  const PickleScan b = scan_pickle("(S'id'\nisubprocess\ncall\n.");
  REQUIRE(b.imports.size() == 1);
  CHECK(b.imports[0] == PickleImport{"subprocess", "call", 7, true});
  // A GLOBAL that is only imported, never called.
  const PickleScan c = scan_pickle(
      "\x80\x02"
      "cbuiltins\neval\nq\x00."s);
  REQUIRE(c.imports.size() == 1);
  CHECK_FALSE(c.imports[0].called);
  CHECK(c.protocol == 2);
}

TEST_CASE("pickle scan: STACK_GLOBAL with memoised names, and operands that are not strings",
          "[unit]") {
  // \x8c"os" MEMOIZE(0) \x8c"system" STACK_GLOBAL, then BINGET 0 \x8c"popen" STACK_GLOBAL.
  const std::string p = "\x80\x04\x8c\x02os\x94\x8c\x06system\x93\x94h\x00\x8c\x05popen\x93."s;
  const PickleScan s = scan_pickle(p);
  REQUIRE(s.imports.size() == 2);
  CHECK(s.imports[0].module == "os");
  CHECK(s.imports[0].name == "system");
  CHECK(s.imports[1].module == "os");
  CHECK(s.imports[1].name == "popen");
  // Operands made by a call: the import is not known ("?").
  const PickleScan q = scan_pickle("\x80\x04N\x8c\x01x\x93."s);
  REQUIRE(q.imports.size() == 1);
  CHECK(q.imports[0].module == "?");
}

TEST_CASE("pickle scan: unknown opcodes, cut input, lengths past the end, data after STOP",
          "[unit]") {
  CHECK(scan_pickle("\x80\x04Z"s).error == "unknown opcode 0x5a at offset 2");
  CHECK(scan_pickle("\x80\x04\x8c\x05"
                    "ab"s)
            .error == "truncated at offset 2");
  CHECK(scan_pickle("\x80\x04\x8e\xff\xff\xff\xff\xff\xff\xff\x7f."s).error ==
        "truncated at offset 2");
  CHECK(scan_pickle("cos\nsys").error == "truncated at offset 0");
  // A second pickle is read when it starts with PROTO; other bytes after STOP are data.
  const PickleScan two = scan_pickle(
      "\x80\x02K\x01.\x80\x02"
      "cos\nsystem\n.\x00\xff\x13"s);
  CHECK(two.pickles == 2);
  CHECK(two.error.empty());
  REQUIRE(two.imports.size() == 1);
  CHECK(two.imports[0].name == "system");
}

TEST_CASE("import classes: dangerous before allowed, Python 2 names, submodules", "[unit]") {
  CHECK(classify_import("posix", "system") == ImportClass::dangerous);
  CHECK(classify_import("__builtin__", "eval") == ImportClass::dangerous);
  CHECK(classify_import("builtins", "getattr") == ImportClass::dangerous);
  CHECK(classify_import("importlib.machinery", "SourceFileLoader") == ImportClass::dangerous);
  CHECK(classify_import("torch", "load") == ImportClass::dangerous);
  CHECK(classify_import("torch.hub", "load") == ImportClass::dangerous);
  CHECK(classify_import("torch._utils", "_rebuild_tensor_v2") == ImportClass::allowed);
  CHECK(classify_import("numpy.core.multiarray", "_reconstruct") == ImportClass::allowed);
  CHECK(classify_import("sklearn.linear_model._base", "LinearRegression") == ImportClass::allowed);
  CHECK(classify_import("copy_reg", "_reconstructor") == ImportClass::allowed);
  CHECK(classify_import("builtins", "set") == ImportClass::allowed);
  CHECK(classify_import("builtins", "type") == ImportClass::unknown);
  CHECK(classify_import("ossify", "x") == ImportClass::unknown);  // not os
  CHECK(classify_import("__main__", "Net") == ImportClass::unknown);
}

TEST_CASE("zip entries: a stored entry, a deflated one, one cut short, and not a zip", "[unit]") {
  // Local header of "a/data.pkl", stored, 3 bytes "K\x01.".
  auto header = [](std::string_view name, std::uint16_t method, std::string_view data) {
    std::string h = "PK\x03\x04"s + std::string(4, '\0');
    h += static_cast<char>(method);
    h += '\0';
    h += std::string(8, '\0');
    for (int i = 0; i < 4; ++i) h += static_cast<char>((data.size() >> (8 * i)) & 0xff);
    for (int i = 0; i < 4; ++i) h += static_cast<char>((data.size() >> (8 * i)) & 0xff);
    h += static_cast<char>(name.size());
    h += '\0';
    h += "\0\0"s;
    return h + std::string(name) + std::string(data);
  };
  const std::string zip = header("a/data.pkl", 0, "\x80\x02K\x01.") + "PK\x01\x02";
  CHECK(is_zip(zip));
  const ZipListing listing = zip_entries(zip);
  CHECK(listing.error.empty());
  REQUIRE(listing.entries.size() == 1);
  CHECK(listing.entries[0].name == "a/data.pkl");
  const auto content = zip_entry_content(zip, listing.entries[0], 1024);
  REQUIRE(content);
  CHECK(*content == "\x80\x02K\x01.");
  // Cut inside the entry's data.
  const ZipListing cut = zip_entries(zip.substr(0, 43));
  CHECK(cut.error == "truncated in entry a/data.pkl");
  CHECK_FALSE(zip_entry_content(zip.substr(0, 43), cut.entries.at(0), 1024));
  CHECK(zip_entries("PK\x03\x04short").error == "truncated at offset 0");
  CHECK_FALSE(is_zip("\x80\x02."));
}

TEST_CASE(
    "MCP configurations: Claude Desktop's mcpServers and VS Code's servers with "
    "comments, and what is not one",
    "[unit]") {
  const McpConfig claude = parse_mcp_config(R"({"mcpServers": {
    "github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"],
               "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_abc", "LOG": "1"}},
    "remote": {"url": "http://10.0.0.7:3000/mcp", "headers": {"Authorization": "Bearer x"}}}})");
  CHECK(claude.error.empty());
  REQUIRE(claude.servers.size() == 2);
  CHECK(claude.servers[0].name == "github");
  CHECK(claude.servers[0].args ==
        std::vector<std::string>{"-y", "@modelcontextprotocol/server-github"});
  CHECK(claude.servers[0].env.size() == 2);
  CHECK(claude.servers[1].url == "http://10.0.0.7:3000/mcp");
  const McpConfig vscode = parse_mcp_config(
      "// VS Code\n{\"servers\": {\"fs\": {\"type\": \"stdio\", \"command\": \"npx\", "
      "\"args\": [\"@modelcontextprotocol/server-filesystem\", \"/\"]}}}");
  REQUIRE(vscode.servers.size() == 1);
  CHECK(filesystem_reach(vscode.servers[0]) == FilesystemReach::root);
  CHECK(parse_mcp_config("[1]").error == "not a JSON object");
  CHECK(parse_mcp_config(R"({"numStartups": 3})").error == "no mcpServers or servers object");
}

TEST_CASE("MCP servers: filesystem reach, command runners, credentials written out", "[unit]") {
  auto server = [](std::string command, std::vector<std::string> args) {
    McpServer s;
    s.command = std::move(command);
    s.args = std::move(args);
    return s;
  };
  CHECK(filesystem_reach(server("npx", {"-y", "@modelcontextprotocol/server-filesystem",
                                        "/home/ann"})) == FilesystemReach::home);
  CHECK(filesystem_reach(server("npx", {"@modelcontextprotocol/server-filesystem",
                                        "/home/ann/src"})) == FilesystemReach::none);
  CHECK(filesystem_reach(server("npx", {"some-server", "/"})) == FilesystemReach::none);
  CHECK(runs_commands(server("/bin/bash", {"-c", "mcp-proxy"})));
  CHECK(runs_commands(server("npx", {"-y", "@wonderwhy-er/desktop-commander"})));
  CHECK_FALSE(runs_commands(server("npx", {"@modelcontextprotocol/server-github"})));
  CHECK(is_literal_secret("ghp_16C7e42F292c6912E7710c838347Ae178B4a"));
  CHECK_FALSE(is_literal_secret("${input:github_token}"));
  CHECK_FALSE(is_literal_secret("$GITHUB_TOKEN"));
  CHECK_FALSE(is_literal_secret("<your-token>"));
  CHECK_FALSE(is_literal_secret("YOUR_API_KEY_HERE"));
  CHECK(is_secret_name("GITHUB_PERSONAL_ACCESS_TOKEN"));
  CHECK(is_secret_name("Authorization"));
  CHECK(is_secret_name("OPENAI_API_KEY"));
  CHECK_FALSE(is_secret_name("LOG_LEVEL"));
}

TEST_CASE(
    "Jupyter: the command line wins over the files, and an empty token without a password "
    "is open",
    "[unit]") {
  const JupyterSettings args = jupyter_arguments(
      {"/usr/bin/python3", "/usr/bin/jupyter-notebook", "--ip=0.0.0.0", "--NotebookApp.token=''",
       "--ServerApp.allow_origin", "*", "--allow-root", "--NotebookApp.base_url=lab"});
  CHECK(args.token == "");
  CHECK(args.allow_origin == "*");
  CHECK(args.allow_root);
  CHECK(args.base_url == "/lab/");
  CHECK(args.open());
  JupyterSettings py = parse_jupyter_config_py(
      "# c.NotebookApp.token = ''\nc.NotebookApp.token = 'abc'  # set\n"
      "c.ServerApp.password = u'argon2:$argon2id$v=19$...'\nc.NotebookApp.allow_root = True\n"
      "c.NotebookApp.ip = get_ip()\n");
  CHECK(py.token == "abc");
  CHECK(py.password == "argon2:$argon2id$v=19$...");
  CHECK(py.allow_root);
  CHECK_FALSE(py.open());
  const JupyterSettings json =
      parse_jupyter_config_json(R"({"ServerApp": {"token": "", "allow_origin": "*"}})");
  CHECK(json.open());
  CHECK(json.allow_origin == "*");
  JupyterSettings merged = jupyter_arguments({"jupyter-lab", "--ServerApp.token=xyz"});
  merged.fill_from(json);
  CHECK(merged.token == "xyz");
  CHECK(merged.allow_origin == "*");
  CHECK(jupyter_config_argument({"jupyter", "--config=/srv/j.py"}) == "/srv/j.py");
}

TEST_CASE("services told by their process", "[unit]") {
  auto kind = [](std::string name, std::vector<std::string> args) {
    zt::collector::ProcessInfo p;
    p.name = std::move(name);
    p.arguments = std::move(args);
    const auto id = identify_service(p);
    return id ? std::string(id->product) : std::string("-");
  };
  CHECK(kind("jupyter-noteboo", {"/usr/bin/python3", "/usr/bin/jupyter-notebook"}) == "Jupyter");
  CHECK(kind("python3", {"python3", "-m", "jupyterlab", "--port", "8888"}) == "Jupyter");
  CHECK(kind("ollama", {"/usr/local/bin/ollama", "serve"}) == "Ollama");
  CHECK(kind("python3", {"python3", "-m", "vllm.entrypoints.openai.api_server"}) == "vLLM");
  CHECK(kind("llama-server", {"./llama-server", "-m", "m.gguf"}) == "llama.cpp server");
  CHECK(kind("java", {"java", "org.pytorch.serve.ModelServer"}) == "TorchServe");
  CHECK(kind("python3", {"python3", "/opt/ray/python/ray/dashboard/dashboard.py"}) ==
        "Ray dashboard");
  CHECK(kind("mlflow", {"/usr/bin/python3", "/usr/local/bin/mlflow", "server"}) == "MLflow");
  CHECK(kind("node",
             {"node", "/opt/mcp/node_modules/@modelcontextprotocol/server-everything/dist/index.js",
              "streamableHttp"}) == "MCP server");
  CHECK(kind("python3", {"python3", "-m", "mcp_server_fetch", "--port", "8000"}) == "MCP server");
  CHECK(kind("python3", {"python3", "app.py"}) == "-");
  CHECK(kind("nginx", {"nginx: master process"}) == "-");
}

TEST_CASE("listing answers: open, asking for credentials, or another server's", "[unit]") {
  // Ollama's GET /api/tags (its API documentation's example, cut to one model).
  const auto ollama = read_listing_answer(
      ServiceKind::ollama,
      "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n\r\n"
      R"({"models":[{"name":"llama3.2:latest","model":"llama3.2:latest","size":2019393189}]})");
  CHECK(ollama.open == true);
  CHECK(ollama.listing == "1 models");
  // vLLM with --api-key: 401 {"error": "Unauthorized"}.
  const auto vllm = read_listing_answer(ServiceKind::openai_api,
                                        "HTTP/1.1 401 Unauthorized\r\ncontent-type: "
                                        "application/json\r\n\r\n{\"error\":\"Unauthorized\"}");
  CHECK(vllm.open == false);
  // Jupyter Notebook 6 with a token: 403 Forbidden.
  CHECK(read_listing_answer(ServiceKind::jupyter, "HTTP/1.1 403 Forbidden\r\n\r\n").open == false);
  CHECK(read_listing_answer(ServiceKind::jupyter, "HTTP/1.1 200 OK\r\n\r\n[]").listing ==
        "0 kernels");
  // Some other web server's page.
  CHECK_FALSE(read_listing_answer(ServiceKind::openai_api, "HTTP/1.1 200 OK\r\n\r\n<html>").open);
}

TEST_CASE("MCP initialize answers: an SSE event from the reference server, JSON, 401", "[unit]") {
  // @modelcontextprotocol/server-everything 2026.8.31 over Streamable HTTP (recorded, its
  // instructions cut short).
  const auto sse = read_listing_answer(
      ServiceKind::mcp_server,
      "HTTP/1.1 200 OK\r\nX-Powered-By: Express\r\ncontent-type: text/event-stream\r\n"
      "mcp-session-id: 503bceb5-f0ad-40c9-af27-40f0303cd1a8\r\n\r\n"
      "event: message\nid: 52730883-cb9d-4008-8deb-ceb5e0e2555c\n"
      R"(data: {"result":{"protocolVersion":"2025-06-18","capabilities":{"tools":{"listChanged":true}},)"
      R"("serverInfo":{"name":"mcp-servers/everything","title":"Everything Reference Server",)"
      R"("version":"2.0.0"},"instructions":"# Everything Server"},"jsonrpc":"2.0","id":1})"
      "\n\n");
  CHECK(sse.open == true);
  CHECK(sse.listing == "mcp-servers/everything 2.0.0");
  const auto json =
      read_listing_answer(ServiceKind::mcp_server,
                          "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n"
                          R"({"jsonrpc":"2.0","id":1,"result":{"serverInfo":{"name":"files"}}})");
  CHECK(json.listing == "files");
  CHECK(read_listing_answer(ServiceKind::mcp_server,
                            "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer\r\n\r\n")
            .open == false);
  // A JSON-RPC error (another protocol version, say) is no verdict.
  CHECK_FALSE(read_listing_answer(ServiceKind::mcp_server,
                                  "HTTP/1.1 200 OK\r\n\r\n{\"error\":{\"code\":-32600}}")
                  .open);
  CHECK(mcp_initialize_request().starts_with("POST /mcp HTTP/1.0\r\n"));
}

TEST_CASE("Hugging Face cache paths give the repository and the revision", "[unit]") {
  const HubModel m =
      hub_model_of("/srv/hf/hub/models--acme--sentiment/snapshots/0123abcd/pytorch_model.bin");
  CHECK(m.repo == "acme/sentiment");
  CHECK(m.revision == "0123abcd");
  CHECK(hub_model_of("/home/ann/models/x.bin").repo.empty());
}

TEST_CASE("the parsers never throw on damaged input", "[unit][fuzz]") {
  zt::test::fuzz_text(
      "\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00\x8c\x02os\x94\x8c\x06system"
      "\x93\x94(S'id'\ntR\x94h\x00q\x01j\x01\x00\x00\x00.\x80\x02"
      "cos\nsystem\n."s,
      [](const std::string& text) { (void)scan_pickle(text); });
  zt::test::fuzz_text(
      "PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00"
      "\x05\x00\x00\x00\x0a\x00\x00\x00"
      "a/data.pkl\x80\x02K\x01.PK\x01\x02"s,
      [](const std::string& text) {
        (void)read_model_file("m.pt", text, 1 << 20);
        (void)read_model_file("m.npz", text, 1 << 20);
      });
  zt::test::fuzz_text(
      "\x93NUMPY\x01\x00\x36\x00{'descr': '|O', 'fortran_order': False, 'shape': (1,), }\n"
      "\x80\x03"
      "cposix\nsystem\n."s,
      [](const std::string& text) { (void)read_model_file("a.npy", text, 1 << 20); });
  zt::test::fuzz_text(R"({"mcpServers": {"a": {"command": "npx", "args": ["x", "/"],
      "env": {"TOKEN": "abcdef123"}, "url": "http://h", "headers": {"Authorization": "Bearer q"}}}})",
                      [](const std::string& text) { (void)parse_mcp_config(text); });
  zt::test::fuzz_text("c.NotebookApp.token = ''\nc.ServerApp.allow_origin = '*'\n",
                      [](const std::string& text) { (void)parse_jupyter_config_py(text); });
}
