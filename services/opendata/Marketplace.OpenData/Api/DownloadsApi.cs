using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.OpenData.Api;

/// <summary>
/// Bulk downloads, streamed row by row from the database (the file is never built in memory): every release as
/// JSON Lines, and the compiled records flattened to CSV.
/// </summary>
public static class DownloadsApi
{
    public const string Path = "/api/opendata/downloads";

    private static readonly byte[] s_newLine = "\n"u8.ToArray();

    public static IEndpointRouteBuilder MapDownloadsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Downloads").WithGroupName(OpenDataModule.Name).AllowAnonymous();
        group.MapGet("/releases.jsonl", ReleasesAsync)
            .WithSummary("Anyone: every release, one JSON object per line, in publication order, by batch, department or year");
        group.MapGet("/contracting.csv", ContractingAsync)
            .WithSummary("Anyone: one row per award, contract, milestone and payment of the compiled records, by batch, department or year");
        return app;
    }

    public static async Task<Results<PushStreamHttpResult, StatusCodeHttpResult, ValidationProblem>> ReleasesAsync(
        [AsParameters] ReleaseFilter filter, HttpContext http, OpenDataDbContext db, CancellationToken ct)
    {
        var (releases, problem) = Filtered(filter, db);
        if (problem is not null)
        {
            return problem;
        }
        if (await NotModifiedAsync(http, "jsonl", filter, releases, ct))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Stream(async body =>
        {
            await foreach (var json in releases.OrderBy(r => r.Sequence).Select(r => r.Json).AsAsyncEnumerable().WithCancellation(ct))
            {
                await body.WriteAsync(Encoding.UTF8.GetBytes(json), ct);
                await body.WriteAsync(s_newLine, ct);
            }
        }, "application/x-ndjson", "releases.jsonl");
    }

    public static async Task<Results<PushStreamHttpResult, StatusCodeHttpResult, ValidationProblem>> ContractingAsync(
        [AsParameters] ReleaseFilter filter, HttpContext http, OpenDataDbContext db, CancellationToken ct)
    {
        var (releases, problem) = Filtered(filter, db);
        if (problem is not null)
        {
            return problem;
        }
        if (await NotModifiedAsync(http, "csv", filter, releases, ct))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            // A title starting with = + - @ must not run as a formula in a spreadsheet.
            await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
            csv.WriteHeader<ContractingRow>();
            await csv.NextRecordAsync();
            // One ocid's releases at a time: consecutive in this order, compiled when the next ocid starts.
            var current = new List<JsonObject>();
            string? ocid = null;
            async Task FlushAsync()
            {
                if (current.Count > 0)
                {
                    await csv.WriteRecordsAsync(ContractingRow.From(RecordCompiler.Compile(current)), ct);
                    current.Clear();
                }
            }
            await foreach (var row in releases.OrderBy(r => r.Ocid).ThenBy(r => r.Sequence).Select(r => new { r.Ocid, r.Json }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (row.Ocid != ocid)
                {
                    await FlushAsync();
                    ocid = row.Ocid;
                }
                current.Add(JsonNode.Parse(row.Json)!.AsObject());
            }
            await FlushAsync();
        }, "text/csv; charset=utf-8", "contracting.csv");
    }

    private static (IQueryable<OcdsRelease> Releases, ValidationProblem? Problem) Filtered(ReleaseFilter filter, OpenDataDbContext db)
    {
        var errors = new ValidationErrors();
        filter.Check(errors);
        return errors.IsValid ? (filter.Apply(db.Releases.AsNoTracking(), db), null) : (db.Releases, errors.ToProblem());
    }

    private static async Task<bool> NotModifiedAsync(HttpContext http, string kind, ReleaseFilter filter, IQueryable<OcdsRelease> releases, CancellationToken ct)
    {
        var validators = await releases.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(r => r.Sequence) }).FirstOrDefaultAsync(ct);
        return Conditional.NotModified(http, Conditional.Tag(kind, filter.ToQuery(), validators?.Count ?? 0, validators?.Last ?? 0));
    }
}
