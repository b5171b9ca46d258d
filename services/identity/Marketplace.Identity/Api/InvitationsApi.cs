using System.Security.Claims;
using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Api;

public sealed record InvitationRequest(string? Email, string? Role, bool? Manager);

public sealed record InvitationResponse(Guid Id, string Email, string Role, bool Manager, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string Status)
{
    public static InvitationResponse From(Invitation i, DateTimeOffset now) =>
        new(i.Id, i.Email, i.Role, i.Manager, i.CreatedAt, i.ExpiresAt,
            i.AcceptedAt is not null ? "Accepted" : i.WithdrawnAt is not null ? "Withdrawn" : i.ExpiresAt <= now ? "Expired" : "Open");
}

/// <summary>The invitation as created: the one time the code is shown, for the inviter to pass on.</summary>
public sealed record CreatedInvitationResponse(InvitationResponse Invitation, string Code);

public sealed record AcceptInvitationRequest(string? Code, string? Email, string? Name, string? Password, string? Locale);

/// <summary>
/// <c>/api/identity/organisations/{organisationId}/invitations</c> for managers, and
/// <c>/api/identity/invitations/accept</c> for the invitee, who has no account yet.
/// </summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/identity/organisations/{organisationId:guid}/invitations").WithTags("Members").WithGroupName(IdentityModule.Name)
            .RequireOrganisationManager();
        group.MapGet("/", ListAsync).WithSummary("List the organisation's invitations (its managers, or administrators)");
        group.MapPost("/", CreateAsync).WithSummary("Invite someone to join with a role; the response carries the one-time code");
        group.MapDelete("/{invitationId:guid}", WithdrawAsync).WithSummary("Withdraw an open invitation");

        app.MapPost("/api/identity/invitations/accept", AcceptAsync).WithTags("Members").WithGroupName(IdentityModule.Name).AllowAnonymous()
            .WithSummary("Accept an invitation with its code: creates the account in the inviting organisation");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<InvitationResponse>>, ProblemHttpResult>> ListAsync(
        Guid organisationId, IdentityServiceDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.OrganisationId == organisationId).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<InvitationResponse>>(
            invitations.OrderByDescending(i => i.CreatedAt).Select(i => InvitationResponse.From(i, now)).ToList());
    }

    public static async Task<Results<Created<CreatedInvitationResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid organisationId, InvitationRequest request, ClaimsPrincipal principal, IdentityServiceDbContext db,
        TokenServerOptions options, TimeProvider time, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null)
        {
            return ProblemResults.NotFound(IdentityTexts.OrganisationNotFound);
        }
        var allowed = OrganisationRoles.AllowedFor(organisation.Type);
        var role = request.Role ?? OrganisationRoles.DefaultFor(organisation.Type);
        var errors = new ValidationErrors().Email("email", request.Email)
            .Must(allowed.Contains(role), "role", IdentityTexts.RoleNotAllowed.Format(role, organisation.Type, string.Join(", ", allowed)));
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var email = request.Email!.Trim();
        var normalized = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
        {
            return ProblemResults.Conflict("email-registered", IdentityTexts.EmailTaken);
        }
        var now = time.GetUtcNow();
        var (invitation, code) = Invitation.Create(organisationId, email, role, request.Manager ?? false, principal.UserId() ?? "", now,
            TimeSpan.FromDays(options.InvitationDays));
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/identity/organisations/{organisationId}/invitations/{invitation.Id}",
            new CreatedInvitationResponse(InvitationResponse.From(invitation, now), code));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(
        Guid organisationId, Guid invitationId, IdentityServiceDbContext db, TimeProvider time, CancellationToken ct)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.OrganisationId == organisationId, ct);
        if (invitation is null)
        {
            return ProblemResults.NotFound(IdentityTexts.InvitationNotFound);
        }
        invitation.Withdraw(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created<MemberResponse>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        AcceptInvitationRequest request, IdentityServiceDbContext db, Memberships memberships, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required("code", request.Code).Email("email", request.Email)
            .Text("name", request.Name, 200).Required("password", request.Password).Locale("locale", request.Locale);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        var hash = Secrets.Hash(request.Code!.Trim());
        return await db.InTransactionAsync<Results<Created<MemberResponse>, ValidationProblem, ProblemHttpResult>>(async token =>
        {
            var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.CodeHash == hash, token);
            // The code must be used by the person it was sent to.
            if (invitation is null || !invitation.IsOpen(now) || !string.Equals(invitation.Email, request.Email!.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (ProblemResults.Conflict("invitation-not-usable", Invitation.NotUsable), false);
            }
            invitation.Accept(now);
            await db.SaveChangesAsync(token);
            var (user, identityErrors) = await memberships.CreateAsync(invitation.Email, request.Name!, request.Locale ?? "en", request.Password!,
                invitation.OrganisationId, [invitation.Role], invitation.Manager);
            if (user is null)
            {
                return (new ValidationErrors().AddIdentityErrors(identityErrors).ToProblem(), false);
            }
            return (TypedResults.Created($"/api/identity/organisations/{invitation.OrganisationId}/members/{user.Id}",
                MemberResponse.From(user, [invitation.Role], now)), true);
        }, ct);
    }
}
