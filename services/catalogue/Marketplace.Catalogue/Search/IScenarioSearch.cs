using Marketplace.ServiceDefaults.Text;
using Marketplace.Catalogue.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Search;

/// <summary>
/// A match over the scenarios' search tokens: the database's own full-text engine (PostgreSQL text
/// search with a GIN index, SQLite FTS5) or, on SQL Server, LIKE over the token columns. Returns a
/// composable query, so filters, facets, sorting and paging run in the same SQL statement.
/// </summary>
public interface IScenarioSearch
{
    /// <param name="tokens">From <see cref="SearchTokens.Query"/>; every token must match.</param>
    IQueryable<SearchHit> Hits(CatalogueDbContext db, IReadOnlyList<string> tokens);
}

/// <summary>
/// PostgreSQL: <c>SearchVector</c> is a stored generated tsvector (title weight A, body weight B)
/// built from the tokens with array_to_tsvector, so no text-search parser or locale touches them;
/// the query is a tsquery of quoted lexemes.
/// </summary>
public sealed class PostgresScenarioSearch : IScenarioSearch
{
    public IQueryable<SearchHit> Hits(CatalogueDbContext db, IReadOnlyList<string> tokens) =>
        db.Set<SearchHit>().FromSqlRaw(
            """
            SELECT s."Id" AS "ScenarioId", ts_rank(s."SearchVector", q)::double precision AS "Rank"
            FROM scenarios s, CAST({0} AS tsquery) q
            WHERE s."SearchVector" @@ q
            """,
            string.Join(" & ", tokens.Select(t => $"'{t}'")));
}

/// <summary>SQLite: the FTS5 table <c>scenario_search</c> kept in step by triggers; bm25 with the title weighted 10:1.</summary>
public sealed class SqliteScenarioSearch : IScenarioSearch
{
    public IQueryable<SearchHit> Hits(CatalogueDbContext db, IReadOnlyList<string> tokens) =>
        db.Set<SearchHit>().FromSqlRaw(
            """
            SELECT s."Id" AS "ScenarioId", -bm25(scenario_search, 10.0, 1.0) AS "Rank"
            FROM scenario_search JOIN scenarios s ON s.rowid = scenario_search.rowid
            WHERE scenario_search MATCH {0}
            """,
            string.Join(" AND ", tokens.Select(t => $"\"{t}\"")));
}
