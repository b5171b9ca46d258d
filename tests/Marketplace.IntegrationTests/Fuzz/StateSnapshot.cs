using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.IntegrationTests.Fuzz;

/// <summary>
/// The content of every table of every service's database, as a row count and an
/// order-independent hash per table, so that a request that changed anything shows. Housekeeping
/// that a rejected request may legitimately touch is left out: the audit log, inbox, outbox and
/// revocation lists, signing keys; and the strong-match pass's watermark (<c>MatchedRevision</c>, with
/// the row version it bumps), which that periodic job moves on its own schedule after earlier, accepted changes.
/// </summary>
public static class StateSnapshot
{
    private static readonly string[] s_housekeeping = ["audit", "inbox", "outbox", "revoked", "signing_key", "SigningKey"];
    private static readonly HashSet<string> s_backgroundColumns = new(StringComparer.OrdinalIgnoreCase) { "MatchedRevision", "Version" };

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(MarketplaceEnvironment env)
    {
        // The six databases side by side (each read on its own scope and connection): the fuzz test takes a snapshot
        // after every rejected write, and one database after another was most of its time.
        var parts = await Task.WhenAll(
            ReadAsync(t => env.InIdentityDbAsync(db => AddAsync("identity", db, t))),
            ReadAsync(t => env.InCatalogueDbAsync(db => AddAsync("catalogue", db, t))),
            ReadAsync(t => env.InMatchingDbAsync(db => AddAsync("matching", db, t))),
            ReadAsync(t => env.InFundingDbAsync(db => AddAsync("funding", db, t))),
            ReadAsync(t => env.InTalentDbAsync(db => AddAsync("talent", db, t))),
            ReadAsync(t => env.InOpenDataDbAsync(db => AddAsync("opendata", db, t))));
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in parts.SelectMany(p => p))
        {
            tables[key] = value;
        }
        return tables;
    }

    private static async Task<SortedDictionary<string, string>> ReadAsync(Func<SortedDictionary<string, string>, Task<bool>> read)
    {
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await read(tables);
        return tables;
    }

    public static IEnumerable<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.GetValueOrDefault(t) ?? "absent"} → {after.GetValueOrDefault(t) ?? "absent"}");

    private static async Task<bool> AddAsync(string service, DbContext db, SortedDictionary<string, string> tables)
    {
        var names = db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && !t.IsOwned())
            .Select(t => (Table: t.GetTableName()!, Schema: t.GetSchema()))
            .Distinct()
            .Where(t => !s_housekeeping.Any(h => t.Table.Contains(h, StringComparison.OrdinalIgnoreCase)));
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync();
        }
        try
        {
            foreach (var (table, schema) in names)
            {
                tables[$"{service}.{table}"] = await HashAsync(connection, schema is null ? $"\"{table}\"" : $"\"{schema}\".\"{table}\"");
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
        return true;
    }

    private static async Task<string> HashAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        ulong sum = 0;
        var rows = 0;
        var values = new object[reader.FieldCount];
        var kept = Enumerable.Range(0, reader.FieldCount).Where(i => !s_backgroundColumns.Contains(reader.GetName(i))).ToArray();
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            var text = string.Join('\u001f', kept.Select(i => values[i]).Select(v => v is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(v, CultureInfo.InvariantCulture)));
            sum += BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);
            rows++;
        }
        return $"{rows} rows #{sum:x16}";
    }
}
