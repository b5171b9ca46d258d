using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Marketplace.Identity.Oidc;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Api;

public sealed record MemberUpdateRequest(IReadOnlyList<string>? Roles, bool? Manager);

/// <summary><c>/api/identity/organisations/{organisationId}/members</c>: the organisation's managers (or administrators) manage its people.</summary>
public static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/identity/organisations/{organisationId:guid}/members").WithTags("Members").WithGroupName(IdentityModule.Name)
            .RequireOrganisationManager();
        group.MapGet("/", ListAsync).WithSummary("List the organisation's members (its managers, or administrators)");
        group.MapPut("/{userId:guid}", UpdateAsync).WithSummary("Change a member's roles and manager flag (its managers, or administrators)");
        group.MapDelete("/{userId:guid}", RemoveAsync).WithSummary("Remove a member: the account is deactivated and signed out everywhere");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<MemberResponse>>, ProblemHttpResult>> ListAsync(
        Guid organisationId, IdentityServiceDbContext db, UserManager<MarketplaceUser> users, TimeProvider time, CancellationToken ct)
    {
        var members = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId).OrderBy(u => u.DisplayName).ToListAsync(ct);
        var now = time.GetUtcNow();
        var result = new List<MemberResponse>();
        foreach (var member in members)
        {
            result.Add(MemberResponse.From(member, [.. await users.GetRolesAsync(member)], now));
        }
        return TypedResults.Ok<IReadOnlyList<MemberResponse>>(result);
    }

    public static async Task<Results<Ok<MemberResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid organisationId, Guid userId, MemberUpdateRequest request, IdentityServiceDbContext db,
        UserManager<MarketplaceUser> users, Memberships memberships, TokenRevocations revocations, TimeProvider time, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        var member = await users.FindByIdAsync(userId.ToString());
        if (organisation is null || member is null || member.OrganisationId != organisationId)
        {
            return ProblemResults.NotFound(IdentityTexts.MemberNotFound);
        }
        var errors = new ValidationErrors();
        var allowed = OrganisationRoles.AllowedFor(organisation.Type);
        if (request.Roles is null || request.Roles.Count == 0)
        {
            errors.Required("roles", null);
        }
        else
        {
            for (var i = 0; i < request.Roles.Count; i++)
            {
                errors.Must(allowed.Contains(request.Roles[i]), $"roles[{i}]",
                    IdentityTexts.RoleNotAllowed.Format(request.Roles[i], organisation.Type, string.Join(", ", allowed)));
            }
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        if (request.Manager == false && member.IsOrganisationManager && await memberships.ManagerCountAsync(organisationId, ct) <= 1)
        {
            return ProblemResults.Conflict("last-manager", IdentityTexts.LastManager);
        }

        var current = await users.GetRolesAsync(member);
        var wanted = request.Roles!.Distinct().ToList();
        await users.RemoveFromRolesAsync(member, current.Except(wanted));
        await users.AddToRolesAsync(member, wanted.Except(current));
        member.IsOrganisationManager = request.Manager ?? member.IsOrganisationManager;
        memberships.Announce(member, wanted);
        await users.UpdateAsync(member);
        if (current.Except(wanted).Any())
        {
            // Tokens carry roles: a role taken away must not live on in a token until it expires.
            await revocations.RevokeEverythingOfAsync(member.Id.ToString(), ct);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(MemberResponse.From(member, wanted, time.GetUtcNow()));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid organisationId, Guid userId, IdentityServiceDbContext db, UserManager<MarketplaceUser> users,
        Memberships memberships, TokenRevocations revocations, CancellationToken ct)
    {
        var member = await users.FindByIdAsync(userId.ToString());
        if (member is null || member.OrganisationId != organisationId || !member.Active)
        {
            return ProblemResults.NotFound(IdentityTexts.MemberNotFound);
        }
        if (member.IsOrganisationManager && await memberships.ManagerCountAsync(organisationId, ct) <= 1)
        {
            return ProblemResults.Conflict("last-manager", IdentityTexts.LastManager);
        }
        member.Active = false;
        member.IsOrganisationManager = false;
        memberships.Announce(member, await users.GetRolesAsync(member));
        await users.UpdateAsync(member);
        await revocations.RevokeEverythingOfAsync(member.Id.ToString(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
