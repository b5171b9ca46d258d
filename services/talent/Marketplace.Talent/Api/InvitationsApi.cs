using System.Security.Claims;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Talent.Api;

public sealed record InvitationQuery(InvitationStatus? Status, int? Page, int? PageSize);

/// <summary>Invitations to roles: the talent sees and answers theirs; the vendor sees those it sent. Accepting fills the role (StaffingRequirementFilled).</summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/talent/invitations").WithTags("Staffing").WithGroupName(TalentModule.Name);
        group.MapGet("", ListAsync).RequireAuthorization(p => p.RequireRole(Roles.Talent, Roles.Vendor))
            .WithSummary("A talent's invitations, or those a vendor sent (status=), newest first");
        group.MapPost("/{id:guid}/accept", AcceptAsync).RequireAuthorization(Roles.Talent)
            .WithSummary("Accept an invitation: the role is filled (StaffingRequirementFilled) and other pending invitations to it lapse");
        group.MapPost("/{id:guid}/decline", DeclineAsync).RequireAuthorization(Roles.Talent)
            .WithSummary("Decline an invitation");
        return app;
    }

    public static InvitationResponse Response(StaffingInvitation i, StaffingRequirement r) => new(
        i.Id, i.RequirementId, i.ProjectId, i.VendorId, i.TalentId, r.SkillText, r.SkillUri, r.Seniority, i.Status, i.InvitedAt, i.AnsweredAt);

    public static async Task<Results<Ok<PagedResult<InvitationResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] InvitationQuery query, ClaimsPrincipal user, TalentDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var invitations = db.Invitations.AsNoTracking();
        if (user.IsInRole(Roles.Vendor))
        {
            var org = user.OrganisationId();
            invitations = invitations.Where(i => i.VendorId == org);
        }
        else
        {
            var me = user.TalentId();
            invitations = invitations.Where(i => i.TalentId == me);
        }
        if (query.Status is { } status)
        {
            invitations = invitations.Where(i => i.Status == status);
        }
        var total = await invitations.CountAsync(ct);
        var rows = await invitations.OrderByDescending(i => i.InvitedAt).ThenBy(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Requirements.AsNoTracking(), i => i.RequirementId, r => r.Id, (i, r) => new { i, r }).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<InvitationResponse>([.. rows.Select(x => Response(x.i, x.r))], page, pageSize, total));
    }

    public static Task<Results<Ok<InvitationResponse>, ProblemHttpResult>> AcceptAsync(Guid id, ClaimsPrincipal user, TalentDbContext db, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(id, accept: true, user, db, time, ct);

    public static Task<Results<Ok<InvitationResponse>, ProblemHttpResult>> DeclineAsync(Guid id, ClaimsPrincipal user, TalentDbContext db, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(id, accept: false, user, db, time, ct);

    private static async Task<Results<Ok<InvitationResponse>, ProblemHttpResult>> AnswerAsync(
        Guid id, bool accept, ClaimsPrincipal user, TalentDbContext db, TimeProvider time, CancellationToken ct)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is null || invitation.TalentId != user.TalentId())
        {
            return ProblemResults.NotFound(TalentTexts.InvitationNotFound);
        }
        var requirement = await db.Requirements.FirstAsync(r => r.Id == invitation.RequirementId, ct);
        if (!invitation.IsPending)
        {
            return ProblemResults.Conflict("invitation-answered", TalentTexts.InvitationAnswered);
        }
        if (accept && requirement.Status != RequirementStatus.Open)
        {
            return ProblemResults.Conflict("requirement-not-open", TalentTexts.RequirementNotOpen);
        }
        var now = time.GetUtcNow();
        invitation.Answer(accept, now);
        if (accept)
        {
            db.AddEvent(requirement.Fill(invitation.TalentId, now), now);
            foreach (var other in await db.Invitations.Where(i => i.RequirementId == requirement.Id && i.Id != id && i.Status == InvitationStatus.Pending).ToListAsync(ct))
            {
                other.Lapse(now);
            }
        }
        // Two acceptances of one role at once: the requirement's version token lets only one save; the other gets 409 from the conflict handler.
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Response(invitation, requirement));
    }
}
