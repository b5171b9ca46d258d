using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.OpenData.Api;

public sealed record FeedQuery(string? Since, int? PageSize, Guid? BatchId, Guid? DepartmentId, int? Year);

/// <summary>OCDS release packages: the change feed for harvesters and every release of one contracting process.</summary>
public static class ReleasesApi
{
    public const string Path = "/api/opendata/releases";

    public static IEndpointRouteBuilder MapReleasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Releases").WithGroupName(OpenDataModule.Name).AllowAnonymous();
        group.MapGet("", FeedAsync)
            .WithSummary("Anyone: the change feed, releases in the order they were published after `since` (a cursor or a time), paged with links.next");
        group.MapGet("/{ocid}", ByOcidAsync)
            .WithSummary("Anyone: every release of one contracting process, oldest first");
        return app;
    }

    public static async Task<Results<Ok<JsonObject>, StatusCodeHttpResult, ValidationProblem>> FeedAsync(
        [AsParameters] FeedQuery query, HttpContext http, OpenDataDbContext db, OpenDataOptions options, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (_, pageSize) = Paging.Check(errors, 1, query.PageSize);
        var filter = new ReleaseFilter(query.BatchId, query.DepartmentId, query.Year);
        filter.Check(errors);
        var releases = filter.Apply(db.Releases.AsNoTracking(), db);
        switch (query.Since)
        {
            case null or "":
                break;
            case var s when long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor):
                releases = releases.Where(r => r.Sequence > cursor);
                break;
            case var s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since):
                releases = releases.Where(r => r.StoredAt >= since);
                break;
            default:
                errors.Add("since", OpenDataTexts.SinceFormat);
                break;
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var page = await releases.OrderBy(r => r.Sequence).Take(pageSize).ToListAsync(ct);
        var etag = Conditional.Tag("feed", query.Since ?? "", pageSize, filter.ToQuery(), page.Count, page.LastOrDefault()?.Sequence ?? 0);
        if (Conditional.NotModified(http, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var self = new Uri(options.PublicBaseUri, Path.TrimStart('/') + http.Request.QueryString);
        var next = page.Count == pageSize
            ? new Uri(options.PublicBaseUri, string.Create(CultureInfo.InvariantCulture, $"{Path.TrimStart('/')}?since={page[^1].Sequence}&pageSize={pageSize}{filter.ToQuery()}"))
            : null;
        return TypedResults.Ok(OcdsPackages.ReleasePackage(options, self, Published(page, time), page.Select(Parse), next));
    }

    public static async Task<Results<Ok<JsonObject>, StatusCodeHttpResult, ProblemHttpResult>> ByOcidAsync(
        string ocid, HttpContext http, OpenDataDbContext db, OpenDataOptions options, TimeProvider time, CancellationToken ct)
    {
        var releases = await db.Releases.AsNoTracking().Where(r => r.Ocid == ocid).OrderBy(r => r.Date).ThenBy(r => r.Sequence).ToListAsync(ct);
        if (releases.Count == 0)
        {
            return ProblemResults.NotFound(OpenDataTexts.OcidNotFound);
        }
        if (Conditional.NotModified(http, Conditional.Tag("releases", releases.Count, releases.Max(r => r.Sequence))))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var self = new Uri(options.PublicBaseUri, $"{Path.TrimStart('/')}/{Uri.EscapeDataString(ocid)}");
        return TypedResults.Ok(OcdsPackages.ReleasePackage(options, self, Published(releases, time), releases.Select(Parse), null));
    }

    public static JsonObject Parse(OcdsRelease release) => JsonNode.Parse(release.Json)!.AsObject();

    /// <summary>The package's date is its newest release's (so an unchanged page keeps its date and its ETag).</summary>
    public static DateTimeOffset Published(IReadOnlyCollection<OcdsRelease> releases, TimeProvider time) =>
        releases.Count == 0 ? time.GetUtcNow() : releases.Max(r => r.StoredAt);
}
