using System.Security.Claims;
using Marketplace.Matching.Data;
using Marketplace.Matching.Recommendations;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Matching.Api;

public sealed record ReasonResponse(string Code, int Points, string Text, string En, string Zh);

public sealed record VendorRecommendation(Guid VendorId, string NameEn, string NameZh, string SizeClass, int Score, bool Strong, IReadOnlyList<ReasonResponse> Reasons);

public sealed record ScenarioRecommendation(Guid ScenarioId, string TitleEn, string TitleZh, DateTimeOffset? ProposalDeadline, int Score, bool Strong, IReadOnlyList<ReasonResponse> Reasons);

/// <summary>
/// <c>/api/matching/...</c> recommendations: for a scenario the vendors who can solve it (its
/// department, administrators), for a vendor the open scenarios it can solve (the vendor). Scored in
/// memory from the read models, with reasons in both languages.
/// </summary>
public static class RecommendationsApi
{
    public const int MaxTop = 100;

    public static readonly LocalizedText ScenarioNotOpen = new("No open scenario has this id.", "找不到此編號的開放情境。");
    public static readonly LocalizedText NotYourScenario = new(
        "Recommendations for a scenario are for its own department (or administrators).", "情境的推薦只供其所屬部門（或管理員）查閱。");
    public static readonly LocalizedText NoOrganisation = new("Your token names no organisation (claim 'org').", "你的權杖沒有註明所屬機構（「org」聲明）。");

    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/matching").WithTags("Recommendations").WithGroupName(MatchingModule.Name);
        group.MapGet("/scenarios/{scenarioId:guid}/recommended-vendors", VendorsAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.DepartmentOfficer, Roles.Admin))
            .WithSummary("Vendors ranked for an open scenario, with reasons (its department, administrators)");
        group.MapGet("/recommended-scenarios", ScenariosAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("Open scenarios ranked for the caller's vendor organisation, with reasons");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<VendorRecommendation>>, ValidationProblem, ProblemHttpResult>> VendorsAsync(
        Guid scenarioId, int? top, ClaimsPrincipal user, MatchingDbContext db, RecommendationIndex index, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (top is not null)
        {
            errors.Between("top", top, 1, MaxTop);
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var snapshot = await index.CurrentAsync(db, ct);
        var scenario = snapshot.Scenarios.FirstOrDefault(s => s.Id == scenarioId);
        if (scenario is null)
        {
            return ProblemResults.NotFound(ScenarioNotOpen);
        }
        if (!user.IsInRole(Roles.Admin) && !user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId))
        {
            return ProblemResults.Forbidden(NotYourScenario);
        }
        var vendors = snapshot.Vendors.ToDictionary(v => v.Id);
        return TypedResults.Ok<IReadOnlyList<VendorRecommendation>>(Recommender.VendorsFor(scenario, snapshot.Vendors, top ?? 20)
            .Select(r => new VendorRecommendation(r.VendorId, vendors[r.VendorId].NameEn, vendors[r.VendorId].NameZh, vendors[r.VendorId].SizeClass?.ToString() ?? "",
                r.Score, r.IsStrong, Reasons(r))).ToList());
    }

    public static async Task<Results<Ok<IReadOnlyList<ScenarioRecommendation>>, ValidationProblem, ProblemHttpResult>> ScenariosAsync(
        int? top, ClaimsPrincipal user, MatchingDbContext db, RecommendationIndex index, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (top is not null)
        {
            errors.Between("top", top, 1, MaxTop);
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        if (user.OrganisationId() is not { } vendorId)
        {
            return ProblemResults.Forbidden(NoOrganisation);
        }
        var snapshot = await index.CurrentAsync(db, ct);
        var vendor = snapshot.Vendors.FirstOrDefault(v => v.Id == vendorId);
        if (vendor is null)
        {
            // Not yet known (or not approved): nothing to recommend, rather than an error.
            return TypedResults.Ok<IReadOnlyList<ScenarioRecommendation>>([]);
        }
        var scenarios = snapshot.Scenarios.ToDictionary(s => s.Id);
        return TypedResults.Ok<IReadOnlyList<ScenarioRecommendation>>(Recommender.ScenariosFor(vendor, snapshot.Scenarios, top ?? 20)
            .Select(r => new ScenarioRecommendation(r.ScenarioId, scenarios[r.ScenarioId].TitleEn, scenarios[r.ScenarioId].TitleZh,
                scenarios[r.ScenarioId].ProposalDeadline, r.Score, r.IsStrong, Reasons(r))).ToList());
    }

    private static List<ReasonResponse> Reasons(Recommendation r) =>
        r.Reasons.Select(x => new ReasonResponse(x.Code, x.Points, new LocalizedText(x.En, x.Zh).Current, x.En, x.Zh)).ToList();
}
