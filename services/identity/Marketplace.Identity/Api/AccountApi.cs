using System.Security.Claims;
using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Marketplace.Identity.Oidc;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Api;

public sealed record AccountResponse(
    Guid Id, string Email, string Name, string Locale, IReadOnlyList<string> Roles, bool Manager, OrganisationResponse? Organisation);

public sealed record AccountUpdateRequest(string? Name, string? Locale);

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

/// <summary><c>/api/identity/me</c>: a signed-in person's own account.</summary>
public static class AccountApi
{
    public static readonly LocalizedText PeopleOnly = new(
        "Only people have an account here; API clients are managed by their organisation.", "只有個人用戶才有帳戶；API 用戶端由其機構管理。");

    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/identity/me").WithTags("Account").WithGroupName(IdentityModule.Name).RequireAuthorization();
        group.MapGet("/", GetAsync).WithSummary("The signed-in person's account, roles and organisation");
        group.MapPut("/", UpdateAsync).WithSummary("Change one's display name or language (en, zh-HK)");
        group.MapPost("/password", ChangePasswordAsync).WithSummary("Change one's password; every other session is signed out");
        return group;
    }

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAsync(
        ClaimsPrincipal principal, UserManager<MarketplaceUser> users, IdentityServiceDbContext db, CancellationToken ct)
    {
        if (principal.FindFirstValue(MarketplaceClaims.ClientId) is not null)
        {
            return ProblemResults.Forbidden(PeopleOnly);
        }
        if (await FindAsync(principal, users) is not { } user)
        {
            return ProblemResults.NotFound(IdentityTexts.UserNotFound);
        }
        return TypedResults.Ok(await ToResponseAsync(user, users, db, ct));
    }

    public static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        AccountUpdateRequest request, ClaimsPrincipal principal, UserManager<MarketplaceUser> users, IdentityServiceDbContext db, Memberships memberships,
        CancellationToken ct)
    {
        if (principal.FindFirstValue(MarketplaceClaims.ClientId) is not null)
        {
            return ProblemResults.Forbidden(PeopleOnly);
        }
        if (await FindAsync(principal, users) is not { } user)
        {
            return ProblemResults.NotFound(IdentityTexts.UserNotFound);
        }
        var errors = new ValidationErrors().Text("name", request.Name ?? user.DisplayName, 200).Locale("locale", request.Locale);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var name = (request.Name ?? user.DisplayName).Trim();
        if (name != user.DisplayName)
        {
            // Colleagues in other services see the new name (funding shows assessors by name).
            user.DisplayName = name;
            memberships.Announce(user, await users.GetRolesAsync(user));
        }
        user.Locale = request.Locale ?? user.Locale;
        await users.UpdateAsync(user);
        return TypedResults.Ok(await ToResponseAsync(user, users, db, ct));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChangeRequest request, ClaimsPrincipal principal, UserManager<MarketplaceUser> users, IdentityServiceDbContext db,
        TokenRevocations revocations, CancellationToken ct)
    {
        if (principal.FindFirstValue(MarketplaceClaims.ClientId) is not null)
        {
            return ProblemResults.Forbidden(PeopleOnly);
        }
        if (await FindAsync(principal, users) is not { } user)
        {
            return ProblemResults.NotFound(IdentityTexts.UserNotFound);
        }
        var errors = new ValidationErrors().Required("currentPassword", request.CurrentPassword).Required("newPassword", request.NewPassword);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!changed.Succeeded)
        {
            var fields = changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ? "currentPassword" : "newPassword";
            return new ValidationErrors().AddIdentityErrors(changed.Errors, fields).ToProblem();
        }
        // A changed password ends every session, this one included: the client signs in again.
        await revocations.RevokeEverythingOfAsync(user.Id.ToString(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<MarketplaceUser?> FindAsync(ClaimsPrincipal principal, UserManager<MarketplaceUser> users) =>
        Guid.TryParse(principal.UserId(), out var id) ? await users.FindByIdAsync(id.ToString()) : null;

    private static async Task<AccountResponse> ToResponseAsync(MarketplaceUser user, UserManager<MarketplaceUser> users, IdentityServiceDbContext db, CancellationToken ct)
    {
        var organisation = user.OrganisationId is { } orgId ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) : null;
        return new AccountResponse(user.Id, user.Email ?? "", user.DisplayName, user.Locale, [.. await users.GetRolesAsync(user)],
            user.IsOrganisationManager, organisation is null ? null : OrganisationResponse.From(organisation));
    }
}
