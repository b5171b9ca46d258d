using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.OpenData.Api;

public sealed record RecordQuery(int? Page, int? PageSize, Guid? BatchId, Guid? DepartmentId, int? Year);

/// <summary>OCDS record packages: each contracting process's releases and its compiled release.</summary>
public static class RecordsApi
{
    public const string Path = "/api/opendata/records";

    public static IEndpointRouteBuilder MapRecordsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Records").WithGroupName(OpenDataModule.Name).AllowAnonymous();
        group.MapGet("", ListAsync)
            .WithSummary("Anyone: records of every contracting process, first published first, paged, by batch, department or year");
        group.MapGet("/{ocid}", ByOcidAsync)
            .WithSummary("Anyone: the record of one contracting process (its releases and the compiled release)");
        return app;
    }

    public static async Task<Results<Ok<JsonObject>, StatusCodeHttpResult, ValidationProblem>> ListAsync(
        [AsParameters] RecordQuery query, HttpContext http, OpenDataDbContext db, OpenDataOptions options, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        var filter = new ReleaseFilter(query.BatchId, query.DepartmentId, query.Year);
        filter.Check(errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var releases = filter.Apply(db.Releases.AsNoTracking(), db);
        var processes = releases.GroupBy(r => r.Ocid).Select(g => new { Ocid = g.Key, First = g.Min(r => r.Sequence), Last = g.Max(r => r.Sequence) });
        var total = await processes.CountAsync(ct);
        var onPage = await processes.OrderBy(p => p.First).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var etag = Conditional.Tag("records", page, pageSize, filter.ToQuery(), total, onPage.Count == 0 ? 0 : onPage.Max(p => p.Last));
        if (Conditional.NotModified(http, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var ocids = onPage.Select(p => p.Ocid).ToList();
        var rows = await db.Releases.AsNoTracking().Where(r => ocids.Contains(r.Ocid)).OrderBy(r => r.Date).ThenBy(r => r.Sequence).ToListAsync(ct);
        var records = ocids.Select(o => OcdsPackages.Record(o, [.. rows.Where(r => r.Ocid == o).Select(ReleasesApi.Parse)]));
        var self = new Uri(options.PublicBaseUri, Path.TrimStart('/') + http.Request.QueryString);
        var next = page * pageSize < total
            ? new Uri(options.PublicBaseUri, string.Create(CultureInfo.InvariantCulture, $"{Path.TrimStart('/')}?page={page + 1}&pageSize={pageSize}{filter.ToQuery()}"))
            : null;
        return TypedResults.Ok(OcdsPackages.RecordPackage(options, self, ReleasesApi.Published(rows, time), records, next));
    }

    public static async Task<Results<Ok<JsonObject>, StatusCodeHttpResult, ProblemHttpResult>> ByOcidAsync(
        string ocid, HttpContext http, OpenDataDbContext db, OpenDataOptions options, TimeProvider time, CancellationToken ct)
    {
        var releases = await db.Releases.AsNoTracking().Where(r => r.Ocid == ocid).OrderBy(r => r.Date).ThenBy(r => r.Sequence).ToListAsync(ct);
        if (releases.Count == 0)
        {
            return ProblemResults.NotFound(OpenDataTexts.OcidNotFound);
        }
        if (Conditional.NotModified(http, Conditional.Tag("record", releases.Count, releases.Max(r => r.Sequence))))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var self = new Uri(options.PublicBaseUri, $"{Path.TrimStart('/')}/{Uri.EscapeDataString(ocid)}");
        return TypedResults.Ok(OcdsPackages.RecordPackage(options, self, ReleasesApi.Published(releases, time),
            [OcdsPackages.Record(ocid, [.. releases.Select(ReleasesApi.Parse)])], null));
    }
}
