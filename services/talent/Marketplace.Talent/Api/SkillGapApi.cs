using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Validation;
using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;
using Marketplace.Talent.Taxonomy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Talent.Api;

public sealed record SkillGapQuery(int? Months);

/// <summary>
/// Skill-gap statistics for administrators. Not public: with few profiles per skill a count can
/// point at a person, and consent was given to be matched, not to be counted in the open.
/// </summary>
public static class SkillGapApi
{
    public static IEndpointRouteBuilder MapSkillGapApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/talent/statistics/skill-gap", GetAsync).RequireAuthorization(Roles.Admin)
            .WithTags("Statistics").WithGroupName(TalentModule.Name)
            .WithSummary("Demand (open scenarios' capabilities and open roles) against supply (available, consenting profiles) by skill, by seniority and by month (months=1..36)");
        return app;
    }

    public static async Task<Results<Ok<SkillGapResponse>, ValidationProblem>> GetAsync(
        [AsParameters] SkillGapQuery query, TalentDbContext db, SkillTaxonomy taxonomy, TalentOptions options, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (query.Months is not null)
        {
            errors.Between("months", query.Months, 1, 36);
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        var scenarios = await db.Scenarios.AsNoTracking().Where(s => s.PublishedAt != null).ToListAsync(ct);
        var roles = await db.Requirements.AsNoTracking().Where(r => r.SkillUri != null).ToListAsync(ct);
        var profiles = await db.Profiles.AsNoTracking().Where(p => p.ConsentToMatch && p.SharePercent > 0).ToListAsync(ct);
        var gap = SkillGap.Compute(taxonomy, scenarios, roles, profiles, now, query.Months ?? options.SkillGapMonths);
        return TypedResults.Ok(gap);
    }
}
