using System.Security.Claims;
using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Funding.Api;

public sealed record SchemeQuery(bool? Mine, int? Page, int? PageSize);

/// <summary>Funding schemes: anyone reads the open ones; a funding body's officers manage theirs (open or not).</summary>
public static class SchemesApi
{
    public static IEndpointRouteBuilder MapSchemesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/funding/schemes").WithTags("Schemes").WithGroupName(FundingModule.Name);
        group.MapGet("", ListAsync).AllowAnonymous()
            .WithSummary("Open schemes (anyone); mine=true: every scheme of the caller's funding body (its officers)");
        group.MapGet("/{id:guid}", GetAsync).AllowAnonymous()
            .WithSummary("One scheme: open ones to anyone, others to the officers of its funding body");
        group.MapPost("", CreateAsync).RequireAuthorization(Roles.FundingOfficer)
            .WithSummary("Create a scheme of the caller's funding body: rules, eligible costs, criteria, assessors per application, window");
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Roles.FundingOfficer)
            .WithSummary("Change a scheme of the caller's funding body (validated as a new one)");
        return app;
    }

    public static async Task<Results<Ok<PagedResult<SchemeResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] SchemeQuery query, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        var body = user.IsInRole(Roles.FundingOfficer) ? user.OrganisationId() : null;
        var schemes = db.Schemes.AsNoTracking();
        schemes = query.Mine == true ? schemes.Where(s => s.FundingBodyId == body) : schemes.Where(s => s.OpensAt <= now && now < s.ClosesAt);
        var total = await schemes.CountAsync(ct);
        var items = await schemes.OrderBy(s => s.Code).ThenBy(s => s.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<SchemeResponse>([.. items.Select(s => SchemeResponse.From(s, now))], page, pageSize, total));
    }

    public static async Task<Results<Ok<SchemeResponse>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var scheme = await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null || !(scheme.IsOpenAt(now) || user.ActsFor(Roles.FundingOfficer, scheme.FundingBodyId)))
        {
            return ProblemResults.NotFound(FundingTexts.SchemeNotFound);
        }
        return TypedResults.Ok(SchemeResponse.From(scheme, now));
    }

    public static async Task<Results<Created<SchemeResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SchemeRequest request, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (user.OrganisationId() is not { } body)
        {
            return ProblemResults.Forbidden(FundingTexts.NotYourFundingBody);
        }
        var errors = request.Validate(out var content);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var scheme = new Scheme(Guid.NewGuid(), body, content!);
        db.Schemes.Add(scheme);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/funding/schemes/{scheme.Id}", SchemeResponse.From(scheme, time.GetUtcNow()));
    }

    public static async Task<Results<Ok<SchemeResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, SchemeRequest request, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var scheme = await db.Schemes.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null)
        {
            return ProblemResults.NotFound(FundingTexts.SchemeNotFound);
        }
        if (!user.ActsFor(Roles.FundingOfficer, scheme.FundingBodyId))
        {
            return ProblemResults.Forbidden(FundingTexts.NotYourFundingBody);
        }
        var errors = request.Validate(out var content);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        scheme.Apply(content!);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SchemeResponse.From(scheme, time.GetUtcNow()));
    }
}
