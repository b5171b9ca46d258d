using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Marketplace.Matching.Recommendations;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Bench.Matching;

/// <summary>One vendor of a ranking, with the points of each score component (for explaining a mismatch).</summary>
internal sealed record RankedVendor(Guid VendorId, int Score, int Capabilities, int SectorSolutions, int Text, int SectorProjects, int TrackRecord, int Fairness);

/// <summary>
/// <c>Recommender.VendorsFor(scenario, vendors, top)</c> as one SQL query over matching's read-model tables
/// (vendor_profiles, vendor_solutions, vendor_projects, vendor_success_cases, open_scenarios). The scenario's
/// sector and capabilities are read from open_scenarios; its "meaningful" token set (what the snapshot holds
/// in <c>ScenarioCandidate.Tokens</c>) is a parameter. Everything on the vendor side is computed by the query
/// from the stored columns: the union of the solutions' capabilities and sectors, the set of meaningful
/// tokens of all its solutions' <c>Tokens</c> (split at spaces, stop words and short tokens removed exactly as
/// <c>RecommendationIndex.Meaningful</c> does), the non-cancelled projects and the success cases.
/// <para>
/// Rounding: .NET's <c>Math.Round(double)</c> rounds half to even; PostgreSQL's <c>round(numeric)</c> and
/// SQLite's <c>round()</c> round half away from zero (and <c>round(float8)</c> is platform-dependent), so the
/// query rounds with an explicit half-to-even expression on double precision values computed in the same
/// order of operations as the C# code (40.0 × covered / required, 15 × min(1, shared / √(|S|·|V|) × 3),
/// 10 × min(1, record / 8.0)). The only approximation: <c>char.IsDigit</c> accepts every Unicode decimal digit,
/// the query only 0–9; tokens come from <c>SearchTokens</c> after NFKC normalisation, and only a token of at
/// most two characters with a non-ASCII digit (none in this data) could differ.
/// </para>
/// </summary>
internal abstract class SqlRanking
{
    /// <summary>The service's own stop-word list, read from <c>RecommendationIndex</c> so the query cannot drift from it.</summary>
    public static IReadOnlyList<string> StopWords { get; } = ReadStopWords();

    public abstract string Provider { get; }

    /// <summary>The query, for the report's appendix.</summary>
    public abstract string Sql { get; }

    public abstract Task<IReadOnlyList<RankedVendor>> TopAsync(ScenarioCandidate scenario, int top, CancellationToken ct);

    private static string[] ReadStopWords()
    {
        var field = typeof(RecommendationIndex).GetField("s_stopWords", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("RecommendationIndex.s_stopWords is gone: update SqlRanking to the service's stop-word list.");
        var words = ((IEnumerable<string>)field.GetValue(null)!).Order(StringComparer.Ordinal).ToArray();
        // Inlined into the SQL as literals (a constant list PostgreSQL hashes): letters only.
        return words.All(w => w.All(char.IsAsciiLetterLower)) ? words : throw new InvalidOperationException("Unexpected stop word.");
    }

    protected static string StopWordList => string.Join(", ", StopWords.Select(w => $"'{w}'"));

    /// <summary>Round half to even of a non-negative double expression, as <c>(int)Math.Round(x)</c>; <paramref name="floor"/> renders floor(x).</summary>
    protected static string HalfEven(string x, Func<string, string> floor, string mod2) =>
        $"({floor(x)} + CASE WHEN ({x}) - {floor(x)} > 0.5 OR (({x}) - {floor(x)} = 0.5 AND {mod2}) THEN 1 ELSE 0 END)";

    /// <summary>
    /// The meaningful-token test on a token expression, given how the database spells "code point of the
    /// character at position i". Beyond two characters a token is meaningful unless a stop word; a token of one
    /// or two characters only if one of them is a digit or a CJK character, so testing the first two
    /// characters is exact (and cheaper than a regular expression on the millions of tokens a query splits).
    /// </summary>
    protected static string Meaningful(string t, Func<string, int, string> codePoint, string length)
    {
        static string In(string c) =>
            $"{c} BETWEEN 48 AND 57 OR {c} BETWEEN 19968 AND 40959 OR {c} BETWEEN 13312 AND 19903 OR {c} BETWEEN 63744 AND 64255";
        return $"{t} NOT IN ({StopWordList}) AND ({length}({t}) > 2 OR {In(codePoint(t, 1))} OR {In(codePoint(t, 2))})";
    }

    protected static RankedVendor Read(Guid id, Func<int, long> column) =>
        new(id, (int)column(1), (int)column(2), (int)column(3), (int)column(4), (int)column(5), (int)column(6), (int)column(7));
}

/// <summary>
/// PostgreSQL: <c>text[]</c> columns, <c>string_to_table</c> for the tokens, a hashed DISTINCT per vendor.
/// The connection turns JIT compilation off (see <see cref="JitOff"/>).
/// </summary>
internal sealed class PostgresRanking(string connectionString) : SqlRanking
{
    private static readonly string _sql = BuildSql();

    private readonly string _connectionString = JitOff(connectionString);

    public override string Provider => "PostgreSQL";

    public override string Sql => _sql;

    /// <summary>
    /// PostgreSQL's default <c>jit = on</c> compiles this query on every call (its cost estimate is far above
    /// <c>jit_above_cost</c> and nothing caches the code), which costs seconds; a deployment running it would
    /// switch JIT off for it, so the timed runs do. <see cref="ExplainDefaultAsync"/> shows the default's cost.
    /// </summary>
    public static string JitOff(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c jit=off" }.ConnectionString;

    public override async Task<IReadOnlyList<RankedVendor>> TopAsync(ScenarioCandidate scenario, int top, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var command = Command(_sql, connection, scenario, top);
        var ranked = new List<RankedVendor>(top);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ranked.Add(Read(reader.GetGuid(0), i => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture)));
        }
        return ranked;
    }

    /// <summary>One EXPLAIN ANALYZE with the server's defaults (JIT on): planning, execution and JIT compilation times in ms.</summary>
    public async Task<(double Planning, double Execution, double Jit)> ExplainDefaultAsync(ScenarioCandidate scenario, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = Command("EXPLAIN (ANALYZE, FORMAT JSON) " + _sql, connection, scenario, RankingBenchmark.Top);
        command.CommandTimeout = 0;
        var json = (string)(await command.ExecuteScalarAsync(ct))!;
        using var plan = JsonDocument.Parse(json);
        var root = plan.RootElement[0];
        var jit = root.TryGetProperty("JIT", out var j) && j.TryGetProperty("Timing", out var timing) && timing.TryGetProperty("Total", out var total)
            ? total.GetDouble()
            : 0;
        return (root.GetProperty("Planning Time").GetDouble(), root.GetProperty("Execution Time").GetDouble(), jit);
    }

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, ScenarioCandidate scenario, int top)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter("scenario", NpgsqlDbType.Uuid) { Value = scenario.Id });
        command.Parameters.Add(new NpgsqlParameter("tokens", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = scenario.Tokens.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("token_count", NpgsqlDbType.Integer) { Value = scenario.Tokens.Count });
        command.Parameters.Add(new NpgsqlParameter("top", NpgsqlDbType.Integer) { Value = top });
        return command;
    }

    private static string BuildSql()
    {
        static string Round(string x) => HalfEven(x, v => $"floor({v})", $"mod(floor({x})::bigint, 2) = 1");
        var meaningful = Meaningful("t", (t, i) => i == 1 ? $"ascii({t})" : $"ascii(substr({t}, {i}))", "char_length");
        return $"""
            WITH scenario AS MATERIALIZED (
                SELECT o."Sector" AS sector, ARRAY(SELECT DISTINCT c FROM unnest(o."Capabilities") AS c) AS required
                FROM open_scenarios AS o
                WHERE o."ScenarioId" = @scenario
            ),
            -- Per vendor: all its solutions' tokens, and whether any solution names the scenario's sector.
            solutions AS (
                SELECT x."VendorId" AS vendor_id, string_agg(x."Tokens", ' ') AS tokens, bool_or(s.sector = ANY (x."Sectors")) AS in_sector
                FROM vendor_solutions AS x CROSS JOIN scenario AS s
                GROUP BY x."VendorId"
            ),
            -- Per vendor: its set of meaningful tokens (RecommendationIndex.Meaningful), its size and how many the scenario shares.
            words AS (
                SELECT g.vendor_id, g.in_sector, d.n, d.shared
                FROM solutions AS g
                CROSS JOIN LATERAL (
                    SELECT count(*) AS n, count(*) FILTER (WHERE u.t = ANY (@tokens)) AS shared
                    FROM (SELECT DISTINCT t FROM string_to_table(g.tokens, ' ') AS t WHERE {meaningful}) AS u
                ) AS d
            ),
            -- Per vendor: how many of the scenario's distinct required capabilities its solutions cover.
            covered AS (
                SELECT x."VendorId" AS vendor_id, count(DISTINCT c) AS n
                FROM vendor_solutions AS x CROSS JOIN scenario AS s CROSS JOIN LATERAL unnest(x."Capabilities") AS c
                WHERE c = ANY (s.required)
                GROUP BY x."VendorId"
            ),
            projects AS (
                SELECT p."VendorId" AS vendor_id, count(*) AS awards, count(p."CompletedAt") AS completed,
                       count(*) FILTER (WHERE p."CompletedAt" IS NOT NULL AND p."Sector" = s.sector) AS completed_here
                FROM vendor_projects AS p CROSS JOIN scenario AS s
                WHERE p."CancelledAt" IS NULL
                GROUP BY p."VendorId"
            ),
            cases AS (
                SELECT c."VendorId" AS vendor_id, count(*) AS n
                FROM vendor_success_cases AS c
                GROUP BY c."VendorId"
            ),
            facts AS (
                SELECT v."Id" AS vendor_id, v."SizeClass" AS size_class,
                       cardinality(s.required) AS required, coalesce(cv.n, 0) AS covered,
                       coalesce(w.in_sector, false) AS in_sector, coalesce(w.n, 0) AS vendor_tokens, coalesce(w.shared, 0) AS shared,
                       coalesce(p.completed_here, 0) AS completed_here,
                       coalesce(p.completed, 0) * 2 + coalesce(cs.n, 0) * 2 + coalesce(p.awards, 0) AS record
                FROM vendor_profiles AS v
                CROSS JOIN scenario AS s
                LEFT JOIN words AS w ON w.vendor_id = v."Id"
                LEFT JOIN covered AS cv ON cv.vendor_id = v."Id"
                LEFT JOIN projects AS p ON p.vendor_id = v."Id"
                LEFT JOIN cases AS cs ON cs.vendor_id = v."Id"
                WHERE v."Status" = 'Approved'
            ),
            -- Recommender.Score, component by component, rounded half to even like (int)Math.Round.
            points AS (
                SELECT vendor_id,
                       CASE WHEN required > 0 THEN {Round("40.0::float8 * covered / required")} ELSE 0 END AS capabilities,
                       CASE WHEN in_sector THEN 10 ELSE 0 END AS sector_solutions,
                       CASE WHEN shared > 0 AND @token_count > 0 AND vendor_tokens > 0
                            THEN {Round("15 * least(1.0::float8, shared / sqrt(@token_count * vendor_tokens::float8) * 3)")} ELSE 0 END AS text,
                       5 * least(completed_here, 2) AS sector_projects,
                       {Round("10 * least(1.0::float8, record / 8.0::float8)")} AS track_record,
                       CASE size_class WHEN 'Startup' THEN 15 WHEN 'SME' THEN 10 ELSE 0 END AS fairness
                FROM facts
            )
            SELECT vendor_id,
                   least(greatest(capabilities + sector_solutions + text + sector_projects + track_record + fairness, 0), 100) AS score,
                   capabilities, sector_solutions, text, sector_projects, track_record, fairness
            FROM points
            -- Recommender.IsRelevant: something about the work itself must fit.
            WHERE capabilities > 0 OR sector_solutions > 0 OR text > 0 OR sector_projects > 0
            ORDER BY score DESC, vendor_id
            LIMIT @top
            """;
    }
}

/// <summary>
/// SQLite: primitive collections are JSON text (<c>json_each</c>); a vendor's space-separated tokens become a
/// JSON array by replacing the spaces (tokens hold letters and digits only, nothing JSON would escape); floor
/// is a cast to integer (the values are never negative); <c>sqrt</c> is SQLite's built-in math function.
/// </summary>
internal sealed class SqliteRanking(string connectionString) : SqlRanking
{
    private static readonly string _sql = BuildSql();

    public override string Provider => "SQLite";

    public override string Sql => _sql;

    public override async Task<IReadOnlyList<RankedVendor>> TopAsync(ScenarioCandidate scenario, int top, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        // EF Core stores Guids in SQLite as upper-case text.
        command.Parameters.AddWithValue("@scenario", scenario.Id.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("@tokens", JsonSerializer.Serialize(scenario.Tokens.ToArray()));
        command.Parameters.AddWithValue("@token_count", scenario.Tokens.Count);
        command.Parameters.AddWithValue("@top", top);
        var ranked = new List<RankedVendor>(top);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ranked.Add(Read(Guid.Parse(reader.GetString(0)), reader.GetInt64));
        }
        return ranked;
    }

    private static string BuildSql()
    {
        static string Round(string x) => HalfEven(x, v => $"CAST(({v}) AS INTEGER)", $"CAST(({x}) AS INTEGER) % 2 = 1");
        // Here a GLOB (whose character ranges compare code points) beats the code-point tests: every reference to
        // a json_each value extracts it again. So: not a stop word, and longer than two characters or holding a
        // digit or a CJK character (written as the characters themselves).
        var meaningful = $"k.atom NOT IN ({StopWordList}) AND (length(k.atom) > 2 OR k.atom GLOB '*[0-9\u4E00-\u9FFF\u3400-\u4DBF\uF900-\uFAFF]*')";
        return $"""
            WITH scenario AS MATERIALIZED (
                SELECT o."Sector" AS sector, o."Capabilities" AS capabilities,
                       (SELECT count(DISTINCT r.value) FROM json_each(o."Capabilities") AS r) AS required
                FROM open_scenarios AS o
                WHERE o."ScenarioId" = @scenario
            ),
            required AS MATERIALIZED (
                SELECT DISTINCT r.value AS c FROM scenario AS s, json_each(s.capabilities) AS r
            ),
            query_tokens AS MATERIALIZED (
                SELECT DISTINCT q.value AS t FROM json_each(@tokens) AS q
            ),
            solutions AS (
                SELECT x."VendorId" AS vendor_id, group_concat(x."Tokens", ' ') AS tokens,
                       max(EXISTS (SELECT 1 FROM json_each(x."Sectors") AS e WHERE e.value = (SELECT sector FROM scenario))) AS in_sector
                FROM vendor_solutions AS x
                GROUP BY x."VendorId"
            ),
            words AS (
                SELECT w.vendor_id, max(w.in_sector) AS in_sector, count(*) AS n, sum(w.t IN (SELECT t FROM query_tokens)) AS shared
                FROM (
                    SELECT DISTINCT g.vendor_id, g.in_sector, k.atom AS t
                    FROM solutions AS g, json_each('["' || replace(g.tokens, ' ', '","') || '"]') AS k
                    WHERE {meaningful}
                ) AS w
                GROUP BY w.vendor_id
            ),
            covered AS (
                SELECT x."VendorId" AS vendor_id, count(DISTINCT c.value) AS n
                FROM vendor_solutions AS x, json_each(x."Capabilities") AS c
                WHERE c.value IN (SELECT c FROM required)
                GROUP BY x."VendorId"
            ),
            projects AS (
                SELECT p."VendorId" AS vendor_id, count(*) AS awards, count(p."CompletedAt") AS completed,
                       sum(p."CompletedAt" IS NOT NULL AND p."Sector" = (SELECT sector FROM scenario)) AS completed_here
                FROM vendor_projects AS p
                WHERE p."CancelledAt" IS NULL
                GROUP BY p."VendorId"
            ),
            cases AS (
                SELECT c."VendorId" AS vendor_id, count(*) AS n
                FROM vendor_success_cases AS c
                GROUP BY c."VendorId"
            ),
            facts AS (
                SELECT v."Id" AS vendor_id, v."SizeClass" AS size_class, s.required AS required, coalesce(cv.n, 0) AS covered,
                       coalesce(w.in_sector, 0) AS in_sector, coalesce(w.n, 0) AS vendor_tokens, coalesce(w.shared, 0) AS shared,
                       coalesce(p.completed_here, 0) AS completed_here,
                       coalesce(p.completed, 0) * 2 + coalesce(cs.n, 0) * 2 + coalesce(p.awards, 0) AS record
                FROM vendor_profiles AS v
                CROSS JOIN scenario AS s
                LEFT JOIN words AS w ON w.vendor_id = v."Id"
                LEFT JOIN covered AS cv ON cv.vendor_id = v."Id"
                LEFT JOIN projects AS p ON p.vendor_id = v."Id"
                LEFT JOIN cases AS cs ON cs.vendor_id = v."Id"
                WHERE v."Status" = 'Approved'
            ),
            points AS (
                SELECT vendor_id,
                       CASE WHEN required > 0 THEN {Round("40.0 * covered / required")} ELSE 0 END AS capabilities,
                       CASE WHEN in_sector THEN 10 ELSE 0 END AS sector_solutions,
                       CASE WHEN shared > 0 AND @token_count > 0 AND vendor_tokens > 0
                            THEN {Round("15 * min(1.0, shared / sqrt(@token_count * CAST(vendor_tokens AS REAL)) * 3)")} ELSE 0 END AS text,
                       5 * min(completed_here, 2) AS sector_projects,
                       {Round("10 * min(1.0, record / 8.0)")} AS track_record,
                       CASE size_class WHEN 'Startup' THEN 15 WHEN 'SME' THEN 10 ELSE 0 END AS fairness
                FROM facts
            )
            SELECT vendor_id,
                   min(max(capabilities + sector_solutions + text + sector_projects + track_record + fairness, 0), 100) AS score,
                   capabilities, sector_solutions, text, sector_projects, track_record, fairness
            FROM points
            WHERE capabilities > 0 OR sector_solutions > 0 OR text > 0 OR sector_projects > 0
            ORDER BY score DESC, vendor_id
            LIMIT @top
            """;
    }
}
