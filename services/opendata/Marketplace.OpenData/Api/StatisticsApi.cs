using System.Text;
using CsvHelper;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Statistics;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.OpenData.Api;

/// <summary>
/// The programme's statistics for anyone (docs/decisions/0023): counted from what open data already publishes, so
/// nothing sealed and nothing personal can be in them. Each figure also as CSV.
/// </summary>
public static class StatisticsApi
{
    public const string Path = "/api/opendata/statistics";

    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Statistics").WithGroupName(OpenDataModule.Name).AllowAnonymous();
        group.MapGet("", GetAsync)
            .WithSummary("Anyone: by batch, department or year, scenarios by area, sector, status and batch; proposals per scenario after opening; awards by the winner's size; waits to award and to funding decision; funds by scheme; success cases by sector");
        group.MapGet("/{figure}.csv", CsvAsync)
            .WithSummary("Anyone: one figure of the statistics as CSV (scenarios-by-area, scenarios-by-sector, scenarios-by-status, scenarios-by-batch, proposals-per-scenario, awards-by-size, timing, funds-by-scheme, success-by-sector)");
        return app;
    }

    public static async Task<Results<Ok<ProgrammeStatistics>, ValidationProblem>> GetAsync(
        [AsParameters] ReleaseFilter filter, HttpContext http, OpenDataDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        filter.Check(errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        http.Response.Headers.CacheControl = $"public, max-age={Conditional.MaxAgeSeconds}";
        return TypedResults.Ok(await StatisticsQueries.ComputeAsync(db, filter, time.GetUtcNow(), ct));
    }

    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult, ValidationProblem>> CsvAsync(
        string figure, [AsParameters] ReleaseFilter filter, HttpContext http, OpenDataDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!StatisticsCsv.Figures.TryGetValue(figure, out var rows))
        {
            return ProblemResults.NotFound(OpenDataTexts.FigureNotFound);
        }
        var errors = new ValidationErrors();
        filter.Check(errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var write = rows(await StatisticsQueries.ComputeAsync(db, filter, time.GetUtcNow(), ct));
        http.Response.Headers.CacheControl = $"public, max-age={Conditional.MaxAgeSeconds}";
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            await using var csv = new CsvWriter(writer, StatisticsCsv.Configuration);
            await write(csv, ct);
        }, "text/csv; charset=utf-8", figure + ".csv");
    }
}
