#include "collectors/privacy/token_shapes.hpp"

#include <algorithm>

#include "collectors/privacy/checksums.hpp"
#include "collectors/privacy/finding_types.hpp"

namespace zt::privacy {
namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_url_safe(char c) { return is_alnum(c) || c == '_' || c == '-'; }
bool is_base64(char c) { return is_alnum(c) || c == '+' || c == '/'; }
bool is_aws_id(char c) { return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'); }

// The run of characters `allowed` accepts from `from`.
template <typename Allowed>
std::size_t run_length(std::string_view text, std::size_t from, Allowed allowed) {
  std::size_t end = from;
  while (end < text.size() && allowed(text[end])) ++end;
  return end - from;
}

// Every place `needle` starts a word (not preceded by a letter or digit).
template <typename Found>
void each_start(std::string_view text, std::string_view needle, Found found) {
  for (std::size_t pos = text.find(needle); pos != std::string_view::npos;
       pos = text.find(needle, pos + 1))
    if (pos == 0 || !is_alnum(text[pos - 1])) found(pos);
}

void add(Hits& hits, std::string_view text, std::string_view type, std::string_view data_type,
         std::size_t pos, std::size_t length) {
  hits.push_back({type, data_type, line_at(text, pos), text.substr(pos, length)});
}

void github(std::string_view text, Hits& hits) {
  for (const std::string_view prefix : {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"})
    each_start(text, prefix, [&](std::size_t pos) {
      const std::size_t n = run_length(text, pos + 4, is_alnum);
      if (n == 36 && token_checksum_ok(text.substr(pos, 40), 4))
        add(hits, text, finding_type::kApiToken, "github_token", pos, 40);
    });
  each_start(text, "github_pat_", [&](std::size_t pos) {
    const std::size_t n =
        run_length(text, pos + 11, [](char c) { return is_alnum(c) || c == '_'; });
    if (n == 82 && text[pos + 11 + 22] == '_')
      add(hits, text, finding_type::kApiToken, "github_token", pos, 11 + n);
  });
}

void simple_prefixed(std::string_view text, Hits& hits) {
  struct Shape {
    std::string_view prefix;
    std::string_view data_type;
    std::size_t min_length;  // of what follows the prefix
    bool (*allowed)(char);
  };
  static constexpr Shape kShapes[] = {
      {"glpat-", "gitlab_token", 20, is_url_safe},
      {"sk_live_", "stripe_secret_key", 24, is_alnum},
      {"rk_live_", "stripe_secret_key", 24, is_alnum},
      {"pypi-AgEIcHlwaS5vcmc", "pypi_token", 50, is_url_safe},
  };
  for (const Shape& shape : kShapes)
    each_start(text, shape.prefix, [&](std::size_t pos) {
      const std::size_t n = run_length(text, pos + shape.prefix.size(), shape.allowed);
      if (n >= shape.min_length)
        add(hits, text, finding_type::kApiToken, shape.data_type, pos, shape.prefix.size() + n);
    });
}

void slack(std::string_view text, Hits& hits) {
  each_start(text, "xox", [&](std::size_t pos) {
    if (pos + 4 >= text.size() ||
        std::string_view("bpaer").find(text[pos + 3]) == std::string_view::npos ||
        text[pos + 4] != '-')
      return;
    const std::size_t n = run_length(text, pos + 5, [](char c) { return is_alnum(c) || c == '-'; });
    const std::string_view rest = text.substr(pos + 5, n);
    // xoxb-<team>-<bot>-<secret>: numeric ids, then the secret.
    if (n >= 20 && std::count(rest.begin(), rest.end(), '-') >= 2 && rest.front() >= '0' &&
        rest.front() <= '9')
      add(hits, text, finding_type::kApiToken, "slack_token", pos, 5 + n);
  });
}

void sendgrid(std::string_view text, Hits& hits) {
  each_start(text, "SG.", [&](std::size_t pos) {
    const std::size_t id = run_length(text, pos + 3, is_url_safe);
    if (id != 22 || pos + 3 + id >= text.size() || text[pos + 3 + id] != '.') return;
    const std::size_t secret = run_length(text, pos + 4 + id, is_url_safe);
    if (secret == 43)
      add(hits, text, finding_type::kApiToken, "sendgrid_api_key", pos, 4 + id + secret);
  });
}

void npm(std::string_view text, Hits& hits) {
  each_start(text, "npm_", [&](std::size_t pos) {
    const std::size_t n = run_length(text, pos + 4, is_alnum);
    if (n == 36 && token_checksum_ok(text.substr(pos, 40), 4))
      add(hits, text, finding_type::kApiToken, "npm_token", pos, 40);
  });
}

// A 40-character secret access key (base64 alphabet, upper and lower case) on the lines
// around the key id.
bool aws_secret_near(std::string_view text, std::size_t pos) {
  std::size_t begin = pos;
  for (int lines = 0; begin > 0 && lines <= 5; --begin)
    if (text[begin - 1] == '\n') ++lines;
  std::size_t end = pos;
  for (int lines = 0; end < text.size() && lines <= 5; ++end)
    if (text[end] == '\n') ++lines;
  for (std::size_t i = begin; i < end; ++i) {
    if (!is_base64(text[i]) || (i > 0 && is_base64(text[i - 1]))) continue;
    const std::size_t n = run_length(text, i, is_base64);
    const std::string_view run = text.substr(i, n);
    if (n == 40 &&
        std::any_of(run.begin(), run.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
        std::any_of(run.begin(), run.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      return true;
    i += n;
  }
  return false;
}

void aws(std::string_view text, Hits& hits) {
  for (const std::string_view prefix : {"AKIA", "ASIA"})
    each_start(text, prefix, [&](std::size_t pos) {
      const std::size_t n = run_length(text, pos + 4, is_aws_id);
      // AWS's documentation writes AKIAIOSFODNN7EXAMPLE (and its secret …EXAMPLEKEY).
      if (n == 16 && (pos + 20 == text.size() || !is_alnum(text[pos + 20])) &&
          !text.substr(pos, 20).ends_with("EXAMPLE") && aws_secret_near(text, pos))
        add(hits, text, finding_type::kCloudCredential, "aws_access_key", pos, 20);
    });
}

void azure(std::string_view text, Hits& hits) {
  each_start(text, "AccountKey=", [&](std::size_t pos) {
    const std::size_t from = pos + 11;
    const std::size_t n = run_length(text, from, [](char c) { return is_base64(c) || c == '='; });
    const auto key = base64_decode(text.substr(from, n));
    if (key && key->size() == 64)
      add(hits, text, finding_type::kCloudCredential, "azure_storage_key", from, n);
  });
}

void gcp(std::string_view text, Hits& hits) {
  if (text.find("\"service_account\"") == std::string_view::npos) return;
  const std::size_t key = text.find("\"private_key\"");
  if (key == std::string_view::npos) return;
  const std::size_t open = text.find('"', text.find(':', key));
  if (open == std::string_view::npos) return;
  const std::size_t close = text.find('"', open + 1);
  if (close == std::string_view::npos) return;
  const std::string_view value = text.substr(open + 1, close - open - 1);
  if (value.find("PRIVATE KEY-----") != std::string_view::npos)
    add(hits, text, finding_type::kCloudCredential, "gcp_service_account_key", open + 1,
        value.size());
}

}  // namespace

void find_tokens(std::string_view text, Hits& hits) {
  github(text, hits);
  simple_prefixed(text, hits);
  slack(text, hits);
  sendgrid(text, hits);
  npm(text, hits);
  aws(text, hits);
  azure(text, hits);
  gcp(text, hits);
}

std::size_t line_at(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, offset);
  return 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
}

}  // namespace zt::privacy
