using Marketplace.ServiceDefaults.Api;
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

public sealed record SkillResponse(string Uri, string Code, string LabelEn, string LabelZh, IReadOnlyList<string> AltLabels, string? Broader)
{
    public static SkillResponse From(Skill s) => new(s.Uri, s.Code, s.LabelEn, s.LabelZh, s.AltLabels, s.Broader);
}

public sealed record UnmappedSkillResponse(Guid Id, string RawText, SkillSource Source, Guid SourceId, DateTimeOffset SeenAt);

public sealed record PageQuery(int? Page, int? PageSize);

/// <summary>The skills taxonomy (anyone) and the skill texts it could not map (administrators, to extend its labels).</summary>
public static class SkillsApi
{
    public static IEndpointRouteBuilder MapSkillsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/talent").WithTags("Skills").WithGroupName(TalentModule.Name);
        group.MapGet("/skills", List).AllowAnonymous()
            .WithSummary("The skills taxonomy: stable URI, English and Chinese labels, alternative labels, broader skill");
        group.MapGet("/unmapped-skills", UnmappedAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Skill texts from team roles and scenario capabilities that no skill of the taxonomy names, newest first");
        return app;
    }

    public static Results<Ok<PagedResult<SkillResponse>>, ValidationProblem> List([AsParameters] PageQuery query, SkillTaxonomy taxonomy)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var items = taxonomy.Skills.Skip((page - 1) * pageSize).Take(pageSize).Select(SkillResponse.From).ToList();
        return TypedResults.Ok(new PagedResult<SkillResponse>(items, page, pageSize, taxonomy.Skills.Count));
    }

    public static async Task<Results<Ok<PagedResult<UnmappedSkillResponse>>, ValidationProblem>> UnmappedAsync(
        [AsParameters] PageQuery query, TalentDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var total = await db.UnmappedSkills.CountAsync(ct);
        var items = await db.UnmappedSkills.AsNoTracking().OrderByDescending(u => u.SeenAt).ThenBy(u => u.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<UnmappedSkillResponse>(
            [.. items.Select(u => new UnmappedSkillResponse(u.Id, u.RawText, u.Source, u.SourceId, u.SeenAt))], page, pageSize, total));
    }
}
