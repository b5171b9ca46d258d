using System.Security.Claims;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Api;

/// <summary>Whether the caller hears about a scenario through its saved searches, and since when not.</summary>
public sealed record MuteState(bool Muted, DateTimeOffset? MutedAt);

public sealed record SavedSearchRequest(
    string? Name, string? Query, string? Area, string? Sector, string? Capability, decimal? BudgetMin, decimal? BudgetMax, string? Frequency);

public sealed record SavedSearchResponse(
    Guid Id, string Name, string Query, string? Area, string? Sector, string? Capability, decimal? BudgetMin, decimal? BudgetMax,
    string Frequency, DateTimeOffset CreatedAt, DateTimeOffset? LastDigestAt)
{
    public static SavedSearchResponse From(SavedSearch s) => new(
        s.Id, s.Name, s.Query, s.Area?.ToString(), s.Sector, s.Capability, s.BudgetMin, s.BudgetMax, s.Frequency.ToString(), s.CreatedAt, s.LastDigestAt);
}

/// <summary>
/// <c>/api/catalogue/saved-searches</c> and scenario mutes: a signed-in person keeps searches with an
/// alert frequency (instant, daily digest, off) and may mute a scenario to hear no more about it.
/// </summary>
public static class SavedSearchesApi
{
    public const int MaxPerUser = 50;

    public static readonly LocalizedText NotFound = new("You have no saved search with this id.", "你沒有此編號的已儲存搜尋。");
    public static readonly LocalizedText TooMany = new(
        "You can keep at most {0} saved searches; delete one first.", "最多只可儲存 {0} 個搜尋；請先刪除其中一個。");
    public static readonly LocalizedText NoUser = new("Your token names no user (claim 'sub').", "你的權杖沒有註明用戶（「sub」聲明）。");
    public static readonly LocalizedText BudgetRange = new(
        "'budgetMax' must not be less than 'budgetMin'.", "「budgetMax」不可少於「budgetMin」。");

    public static IEndpointRouteBuilder MapSavedSearchesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue/saved-searches").WithTags("Saved searches").WithGroupName(CatalogueModule.Name).RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("The caller's saved searches (any signed-in person)");
        group.MapPost("/", CreateAsync).WithSummary("Save a search with an alert frequency: Instant, Daily or Off");
        group.MapPut("/{id:guid}", UpdateAsync).WithSummary("Change one of the caller's saved searches");
        group.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete one of the caller's saved searches");

        var mutes = app.MapGroup("/api/catalogue/scenarios/{id:guid}/mute").WithTags("Saved searches").WithGroupName(CatalogueModule.Name).RequireAuthorization();
        mutes.MapGet("/", MuteStateAsync).WithSummary("Whether the caller has muted this scenario");
        mutes.MapPost("/", MuteAsync).WithSummary("Hear no more about this scenario, whichever saved search matches it");
        mutes.MapDelete("/", UnmuteAsync).WithSummary("Be told about this scenario again");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<SavedSearchResponse>>, ProblemHttpResult>> ListAsync(ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        if (user.UserId() is not { } userId)
        {
            return ProblemResults.Forbidden(NoUser);
        }
        var searches = await db.SavedSearches.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<SavedSearchResponse>>(searches.Select(SavedSearchResponse.From).ToList());
    }

    public static async Task<Results<Created<SavedSearchResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SavedSearchRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (user.UserId() is not { } userId)
        {
            return ProblemResults.Forbidden(NoUser);
        }
        var (parsed, errors) = Parse(request);
        if (parsed is null)
        {
            return errors.ToProblem();
        }
        if (await db.SavedSearches.CountAsync(s => s.UserId == userId, ct) >= MaxPerUser)
        {
            return ProblemResults.Conflict("too-many-saved-searches", TooMany.Format(MaxPerUser));
        }
        var p = parsed.Value;
        var search = SavedSearch.Create(userId, request.Name!, request.Query ?? "", p.Area, request.Sector, request.Capability,
            request.BudgetMin, request.BudgetMax, p.Frequency, time.GetUtcNow());
        db.SavedSearches.Add(search);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/catalogue/saved-searches/{search.Id}", SavedSearchResponse.From(search));
    }

    public static async Task<Results<Ok<SavedSearchResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, SavedSearchRequest request, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var search = await db.SavedSearches.FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, ct);
        if (search is null)
        {
            return ProblemResults.NotFound(NotFound);
        }
        var (parsed, errors) = Parse(request);
        if (parsed is null)
        {
            return errors.ToProblem();
        }
        search.Change(request.Name!, request.Query ?? "", parsed.Value.Area, request.Sector, request.Capability, request.BudgetMin, request.BudgetMax, parsed.Value.Frequency);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SavedSearchResponse.From(search));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var search = await db.SavedSearches.FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, ct);
        if (search is null)
        {
            return ProblemResults.NotFound(NotFound);
        }
        db.SavedSearches.Remove(search);
        await db.Notifications.Where(n => n.SavedSearchId == id && n.DigestPending).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MuteAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (user.UserId() is not { } userId)
        {
            return ProblemResults.Forbidden(NoUser);
        }
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null || !ScenarioListing.CanSee(user, scenario))
        {
            return ProblemResults.NotFound(ScenariosApi.ScenarioNotFound);
        }
        if (!await db.ScenarioMutes.AnyAsync(m => m.UserId == userId && m.ScenarioId == id, ct))
        {
            db.ScenarioMutes.Add(new ScenarioMute(userId, id, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    /// <summary>Answers like <see cref="MuteAsync"/>: a scenario the caller may not see is not acknowledged.</summary>
    public static async Task<Results<Ok<MuteState>, ProblemHttpResult>> MuteStateAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        if (user.UserId() is not { } userId)
        {
            return ProblemResults.Forbidden(NoUser);
        }
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null || !ScenarioListing.CanSee(user, scenario))
        {
            return ProblemResults.NotFound(ScenariosApi.ScenarioNotFound);
        }
        var mute = await db.ScenarioMutes.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId && m.ScenarioId == id, ct);
        return TypedResults.Ok(new MuteState(mute is not null, mute?.MutedAt));
    }

    /// <summary>Answers like <see cref="MuteAsync"/>: a scenario the caller may not see is not acknowledged.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> UnmuteAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        if (user.UserId() is not { } userId)
        {
            return ProblemResults.Forbidden(NoUser);
        }
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null || !ScenarioListing.CanSee(user, scenario))
        {
            return ProblemResults.NotFound(ScenariosApi.ScenarioNotFound);
        }
        await db.ScenarioMutes.Where(m => m.UserId == userId && m.ScenarioId == id).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }

    private static ((SmartCityArea? Area, AlertFrequency Frequency)? Parsed, ValidationErrors Errors) Parse(SavedSearchRequest request)
    {
        var errors = new ValidationErrors().Text("name", request.Name, 200).Text("query", request.Query, ScenarioListing.QueryMax, required: false);
        var area = errors.ParseEnum<SmartCityArea>("area", request.Area);
        var frequency = errors.ParseEnum<AlertFrequency>("frequency", request.Frequency);
        if (request.Frequency is null)
        {
            errors.Required("frequency", null);
        }
        if (request.Sector is not null)
        {
            errors.OneOf("sector", request.Sector, Taxonomy.Sectors.Keys.ToArray());
        }
        if (request.Capability is not null)
        {
            errors.OneOf("capability", request.Capability, Taxonomy.Capabilities.Keys.ToArray());
        }
        if (request.BudgetMin is not null)
        {
            errors.Between("budgetMin", request.BudgetMin, 0, ScenarioDetails.BudgetCeilingHkd);
        }
        if (request.BudgetMax is not null)
        {
            errors.Between("budgetMax", request.BudgetMax, 0, ScenarioDetails.BudgetCeilingHkd);
        }
        if (request is { BudgetMin: { } min, BudgetMax: { } max } && min > max)
        {
            // A range nothing can fall into would silently never alert.
            errors.Add("budgetMax", BudgetRange);
        }
        return (errors.IsValid && frequency is { } f ? (area, f) : null, errors);
    }
}
