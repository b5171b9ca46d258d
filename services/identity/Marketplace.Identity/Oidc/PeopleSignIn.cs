using System.Security.Claims;
using Marketplace.Contracts.Identity;
using Marketplace.Identity.Api;
using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Oidc;

/// <summary>
/// Why a sign-in was refused: the OAuth error, the reader's message and a <c>code</c> a user interface
/// can tell apart (a locked account from a wrong password).
/// </summary>
public sealed record SignInRefusal(string Error, LocalizedText Description, string Code, DateTimeOffset? LockedUntil = null);

/// <summary>
/// The rules for a person signing in, shared by the password grant, the sign-in page and every
/// refresh: the password with lockout, then the account and its organisation still allowed in.
/// </summary>
public sealed class PeopleSignIn(
    UserManager<MarketplaceUser> users, IdentityServiceDbContext db, TokenServerOptions options, AuthOptions auth, TimeProvider time)
{
    public async Task<(MarketplaceUser? User, SignInRefusal? Refusal)> CheckPasswordAsync(string username, string password)
    {
        if (username.Length == 0 || password.Length == 0)
        {
            return (null, new SignInRefusal(Errors.InvalidRequest,
                IdentityTexts.MissingParameter.Format(username.Length == 0 ? "username" : "password"), "missing-parameter"));
        }
        var user = await users.FindByEmailAsync(username);
        if (user is null)
        {
            return (null, new SignInRefusal(Errors.InvalidGrant, IdentityTexts.WrongCredentials, "invalid-credentials"));
        }
        if (await users.IsLockedOutAsync(user))
        {
            return (null, await LockedAsync(user));
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                return (null, await LockedAsync(user));
            }
            var left = options.LockoutAttempts - await users.GetAccessFailedCountAsync(user);
            return (null, new SignInRefusal(Errors.InvalidGrant,
                left <= 2 ? IdentityTexts.WrongCredentialsWarning.Format(left, options.LockoutMinutes) : IdentityTexts.WrongCredentials,
                "invalid-credentials"));
        }
        await users.ResetAccessFailedCountAsync(user);
        return (user, null);
    }

    /// <summary>The principal of a person still allowed in (the account active, not locked, its organisation active), with fresh roles.</summary>
    public async Task<(ClaimsPrincipal? Principal, SignInRefusal? Refusal)> PrincipalForAsync(
        MarketplaceUser user, IEnumerable<string> scopes, CancellationToken ct)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return (null, await LockedAsync(user));
        }
        if (!user.Active)
        {
            return (null, new SignInRefusal(Errors.InvalidGrant, IdentityTexts.AccountInactive, "account-inactive"));
        }
        Organisation? organisation = null;
        if (user.OrganisationId is { } orgId)
        {
            organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == orgId, ct);
            if (organisation.Status == OrganisationStatus.Pending)
            {
                return (null, new SignInRefusal(Errors.InvalidGrant, IdentityTexts.OrganisationPending, "organisation-pending"));
            }
            if (!organisation.IsActive)
            {
                return (null, new SignInRefusal(Errors.InvalidGrant, IdentityTexts.OrganisationNotActive.Format(organisation.Status), "organisation-not-active"));
            }
        }
        var roles = await users.GetRolesAsync(user);
        return (MarketplacePrincipals.ForUser(user, roles, organisation, scopes, auth.Audience), null);
    }

    private async Task<SignInRefusal> LockedAsync(MarketplaceUser user)
    {
        var until = await users.GetLockoutEndDateAsync(user);
        return new SignInRefusal(Errors.InvalidGrant, IdentityTexts.AccountLocked.Format(HongKongTime.Format(until ?? time.GetUtcNow())),
            "account-locked", until);
    }
}
