using System.Security.Claims;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Api;

public sealed record BatchRequest(int? Year, int? Number, [MultilineText] string? DescriptionEn, [MultilineText] string? DescriptionZh, DateTimeOffset? ProposalDeadline);

public sealed record BatchResponse(
    Guid Id, string Code, int Year, int Number, string NameEn, string NameZh, string DescriptionEn, string DescriptionZh,
    string Status, DateTimeOffset ProposalDeadline, DateTimeOffset? PublishedAt, int PublicScenarioCount)
{
    public static BatchResponse From(Batch b, int publicScenarios) => new(
        b.Id, b.Code, b.Year, b.Number, b.NameEn, b.NameZh, b.DescriptionEn, b.DescriptionZh, b.Status.ToString(),
        b.ProposalDeadline, b.PublishedAt, publicScenarios);
}

/// <summary>A batch page: the batch, its public scenarios counted by Smart City area and by sector, and (for administrators) its submissions.</summary>
public sealed record BatchDetailResponse(
    BatchResponse Batch,
    IReadOnlyList<FacetCount> ByArea,
    IReadOnlyList<FacetCount> BySector,
    int? Submitted,
    int? Approved);

/// <summary>
/// <c>/api/catalogue/batches</c>: administrators create numbered batches, and publishing one publishes
/// its approved scenarios together with the batch's deadline. Batches are public.
/// </summary>
public static class BatchesApi
{
    public static RouteGroupBuilder MapBatchesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue/batches").WithTags("Batches").WithGroupName(CatalogueModule.Name);
        group.MapGet("/", ListAsync).AllowAnonymous().WithSummary("All batches, newest first, with their count of public scenarios");
        group.MapGet("/{id:guid}", GetAsync).AllowAnonymous().WithSummary("A batch with its public scenarios counted by area and sector");
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.Admin).WithSummary("Create a batch (administrators)");
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Roles.Admin).WithSummary("Change an open batch's descriptions and proposal deadline; validated like a new batch, its year and number cannot change (administrators)");
        group.MapPost("/{id:guid}/publish", PublishAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Publish the batch: every approved scenario in it is published with the batch's deadline (administrators)");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<BatchResponse>>> ListAsync(CatalogueDbContext db, CancellationToken ct)
    {
        var batches = await db.Batches.AsNoTracking().OrderByDescending(b => b.Year).ThenByDescending(b => b.Number).ToListAsync(ct);
        var counts = await PublicCounts(db).GroupBy(s => s.BatchId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? Guid.Empty, g => g.Count, ct);
        return TypedResults.Ok<IReadOnlyList<BatchResponse>>(batches.Select(b => BatchResponse.From(b, counts.GetValueOrDefault(b.Id))).ToList());
    }

    public static async Task<Results<Ok<BatchDetailResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return ProblemResults.NotFound(ScenariosApi.BatchNotFound);
        }
        var scenarios = PublicCounts(db).Where(s => s.BatchId == id);
        var byArea = await scenarios.GroupBy(s => s.Area).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var bySector = await scenarios.GroupBy(s => s.Sector).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int? submitted = null, approved = null;
        if (user.IsInRole(Roles.Admin))
        {
            submitted = await db.Scenarios.CountAsync(s => s.BatchId == id && s.Status == ScenarioStatus.Submitted, ct);
            approved = await db.Scenarios.CountAsync(s => s.BatchId == id && s.Status == ScenarioStatus.Submitted && s.ApprovedAt != null, ct);
        }
        return TypedResults.Ok(new BatchDetailResponse(
            BatchResponse.From(batch, byArea.Sum(a => a.Count)),
            byArea.Select(a => new FacetCount(a.Key.ToString(), a.Count)).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList(),
            bySector.Select(a => new FacetCount(a.Key, a.Count)).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList(),
            submitted, approved));
    }

    public static async Task<Results<Created<BatchResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        BatchRequest request, CatalogueDbContext db, TimeProvider time, CatalogueOptions options, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = Check(request, now, options);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        if (await db.Batches.AnyAsync(b => b.Year == request.Year && b.Number == request.Number, ct))
        {
            return ProblemResults.Conflict("batch-exists", BatchExists.Format($"{request.Year}-B{request.Number}"));
        }
        var batch = Batch.Create(request.Year!.Value, request.Number!.Value, request.DescriptionEn!, request.DescriptionZh!,
            request.ProposalDeadline!.Value.ToUniversalTime(), now);
        db.Batches.Add(batch);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/catalogue/batches/{batch.Id}", BatchResponse.From(batch, 0));
    }

    public static async Task<Results<Ok<BatchResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, BatchRequest request, CatalogueDbContext db, TimeProvider time, CatalogueOptions options, CancellationToken ct)
    {
        var batch = await db.Batches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return ProblemResults.NotFound(ScenariosApi.BatchNotFound);
        }
        var errors = Check(request, time.GetUtcNow(), options);
        // The code (year and number) names the batch everywhere; a different value is refused, not ignored.
        if (request.Year is { } year && year != batch.Year && errors.For("year").Count == 0)
        {
            errors.Add("year", FixedField.Format("year", batch.Year));
        }
        if (request.Number is { } number && number != batch.Number && errors.For("number").Count == 0)
        {
            errors.Add("number", FixedField.Format("number", batch.Number));
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        batch.Revise(request.DescriptionEn!, request.DescriptionZh!, request.ProposalDeadline!.Value.ToUniversalTime());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(BatchResponse.From(batch, 0));
    }

    public static async Task<Results<Ok<BatchResponse>, ProblemHttpResult>> PublishAsync(
        Guid id, CatalogueDbContext db, TimeProvider time, CatalogueOptions options, CancellationToken ct)
    {
        var batch = await db.Batches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return ProblemResults.NotFound(ScenariosApi.BatchNotFound);
        }
        var approved = await db.Scenarios.Where(s => s.BatchId == id && s.Status == ScenarioStatus.Submitted && s.ApprovedAt != null).ToListAsync(ct);
        var now = time.GetUtcNow();
        var (published, batchPublished) = batch.Publish(approved, now, options.MinimumProposalPeriod);
        foreach (var scenarioPublished in published)
        {
            db.AddEvent(scenarioPublished, now);
        }
        db.AddEvent(batchPublished, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(BatchResponse.From(batch, published.Count));
    }

    private static readonly Marketplace.ServiceDefaults.Localization.LocalizedText BatchExists = new(
        "Batch {0} already exists.", "批次 {0} 已經存在。");
    private static readonly Marketplace.ServiceDefaults.Localization.LocalizedText FixedField = new(
        "'{0}' is part of the batch's code and cannot change; send {1} or create another batch.", "「{0}」是批次編號的一部分，不能更改；請填寫 {1} 或另建批次。");

    private static IQueryable<Scenario> PublicCounts(CatalogueDbContext db) =>
        db.Scenarios.AsNoTracking().Where(s => s.BatchId != null && s.Status != ScenarioStatus.Draft && s.Status != ScenarioStatus.Submitted);

    /// <summary>The same rules for a new batch and a changed one.</summary>
    private static ValidationErrors Check(BatchRequest request, DateTimeOffset now, CatalogueOptions options)
    {
        var errors = new ValidationErrors().Between("year", request.Year, 2020, 2100).Between("number", request.Number, 1, 99)
            .Text("descriptionEn", request.DescriptionEn, ScenarioDetails.TextMax)
            .Text("descriptionZh", request.DescriptionZh, ScenarioDetails.TextMax);
        if (request.ProposalDeadline is not { } deadline)
        {
            errors.Required("proposalDeadline", null);
        }
        else if (ScenarioRules.CheckDeadline(deadline, now, options.MinimumProposalPeriod) is { } problem)
        {
            errors.Add("proposalDeadline", problem);
        }
        return errors;
    }
}
