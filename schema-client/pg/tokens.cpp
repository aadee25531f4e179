#include "schema-client/pg/tokens.hpp"

namespace zt::pg {
namespace {

constexpr std::string_view kUtc = "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'";

std::string utc(std::string_view column) {
  return "to_char(" + std::string(column) + " AT TIME ZONE 'UTC', " + std::string(kUtc) + ")";
}

}  // namespace

std::string create_company(Connection& connection, std::string_view name) {
  return std::string(
      connection.exec("INSERT INTO companies (name) VALUES ($1) RETURNING id", {param(name)})
          .text(0, 0));
}

bool company_exists(Connection& connection, std::string_view company_id) {
  return !connection
              .exec("SELECT 1 FROM companies WHERE id::text = $1", {param(company_id)})
              .empty();
}

std::vector<CompanySummary> list_companies(Connection& connection) {
  std::vector<CompanySummary> companies;
  const Rows rows = connection.exec("SELECT id, name, " + utc("created_at") +
                                    " FROM companies ORDER BY created_at, id");
  for (int r = 0; r < rows.size(); ++r)
    companies.push_back({std::string(rows.text(r, 0)), std::string(rows.text(r, 1)),
                         std::string(rows.text(r, 2))});
  for (CompanySummary& company : companies) {
    Transaction tx(connection);
    tx.set_company(company.id);
    company.agents =
        tx.exec("SELECT count(*) FROM agents WHERE company_id = $1::uuid AND revoked_at IS NULL",
                {param(company.id)})
            .integer(0, 0);
    tx.commit();
  }
  return companies;
}

std::optional<std::string> create_enrollment_token(Connection& connection,
                                                   std::string_view company_id,
                                                   const StoredSecret& token,
                                                   const TokenOptions& options) {
  Transaction tx(connection);
  tx.set_company(company_id);
  if (options.for_agent_id &&
      tx.exec("SELECT 1 FROM agents WHERE id::text = $1 AND company_id = $2::uuid",
              {param(*options.for_agent_id), param(company_id)})
          .empty())
    return std::nullopt;
  const Rows rows = tx.exec(
      "INSERT INTO enrollment_tokens (company_id, token_hash, token_prefix, description,"
      " max_uses, expires_at, for_agent_id) VALUES ($1::uuid, $2, $3, $4, $5,"
      " $6::timestamptz, $7::uuid) RETURNING id",
      {param(company_id), param(token.hash), param(token.prefix), param(options.description),
       param(options.max_uses), param(options.expires_at), param(options.for_agent_id)});
  tx.commit();
  return std::string(rows.text(0, 0));
}

std::vector<TokenSummary> list_tokens(Connection& connection,
                                      const std::optional<std::string>& company_id) {
  std::vector<TokenSummary> tokens;
  for (const CompanySummary& company : list_companies(connection)) {
    if (company_id && company.id != *company_id) continue;
    Transaction tx(connection);
    tx.set_company(company.id);
    const Rows rows = tx.exec(
        "SELECT id, company_id, token_prefix, coalesce(description, ''), " +
        utc("created_at") + ", uses, max_uses, " + utc("expires_at") + ", " +
        utc("revoked_at") + ", for_agent_id,"
        " CASE WHEN revoked_at IS NOT NULL THEN 'revoked'"
        " WHEN expires_at IS NOT NULL AND expires_at <= now() THEN 'expired'"
        " WHEN max_uses IS NOT NULL AND uses >= max_uses THEN 'used up' ELSE 'active' END"
        " FROM enrollment_tokens WHERE company_id = $1::uuid ORDER BY created_at DESC, id",
        {param(company.id)});
    for (int r = 0; r < rows.size(); ++r) {
      TokenSummary t;
      t.id = rows.text(r, 0);
      t.company_id = rows.text(r, 1);
      t.prefix = rows.text(r, 2);
      t.description = rows.text(r, 3);
      t.created_at = rows.text(r, 4);
      t.uses = static_cast<int>(rows.integer(r, 5));
      if (!rows.is_null(r, 6)) t.max_uses = static_cast<int>(rows.integer(r, 6));
      t.expires_at = rows.optional_text(r, 7);
      t.revoked_at = rows.optional_text(r, 8);
      t.for_agent_id = rows.optional_text(r, 9);
      t.state = rows.text(r, 10);
      tokens.push_back(std::move(t));
    }
    tx.commit();
  }
  return tokens;
}

bool revoke_token(Connection& connection, std::string_view token_id) {
  for (const CompanySummary& company : list_companies(connection)) {
    Transaction tx(connection);
    tx.set_company(company.id);
    const std::int64_t changed =
        tx.exec("UPDATE enrollment_tokens SET revoked_at = coalesce(revoked_at, now())"
                " WHERE id::text = $1 AND company_id = $2::uuid",
                {param(token_id), param(company.id)})
            .affected();
    tx.commit();
    if (changed > 0) return true;
  }
  return false;
}

}  // namespace zt::pg
