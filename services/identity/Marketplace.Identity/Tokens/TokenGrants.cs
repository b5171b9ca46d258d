using Marketplace.Contracts.Identity;
using Marketplace.Identity.Api;
using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Tokens;

/// <summary>The three grants of the token endpoint and revocation, each refusing with an RFC 6749 error.</summary>
public sealed class TokenGrants(
    IdentityServiceDbContext db,
    UserManager<MarketplaceUser> users,
    TokenIssuer issuer,
    SigningKeyStore keys,
    TokenServerOptions options,
    TimeProvider time)
{
    public async Task<IResult> PasswordAsync(string username, string password, CancellationToken ct)
    {
        if (username.Length == 0 || password.Length == 0)
        {
            return OAuthError.Create("invalid_request", IdentityTexts.MissingParameter.Format(username.Length == 0 ? "username" : "password"));
        }
        var user = await users.FindByEmailAsync(username);
        if (user is null)
        {
            return OAuthError.Create("invalid_grant", IdentityTexts.WrongCredentials, "invalid-credentials");
        }
        if (await users.IsLockedOutAsync(user))
        {
            return Locked(await users.GetLockoutEndDateAsync(user));
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                return Locked(await users.GetLockoutEndDateAsync(user));
            }
            var left = options.LockoutAttempts - await users.GetAccessFailedCountAsync(user);
            return OAuthError.Create("invalid_grant",
                left <= 2 ? IdentityTexts.WrongCredentialsWarning.Format(left, options.LockoutMinutes) : IdentityTexts.WrongCredentials,
                "invalid-credentials");
        }
        await users.ResetAccessFailedCountAsync(user);
        return await IssueForUserAsync(user, familyId: null, ct);
    }

    public async Task<IResult> ClientCredentialsAsync(string clientId, string clientSecret, CancellationToken ct)
    {
        var client = clientId.Length == 0 ? null : await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null || client.RevokedAt is not null || !Secrets.Matches(clientSecret, client.SecretHash))
        {
            return OAuthError.Create("invalid_client", IdentityTexts.WrongClient, "invalid-client", StatusCodes.Status401Unauthorized);
        }
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == client.OrganisationId, ct);
        if (!organisation.IsActive)
        {
            return OAuthError.Create("invalid_client", IdentityTexts.OrganisationNotActive.Format(organisation.Status), "organisation-not-active",
                StatusCodes.Status401Unauthorized);
        }
        var access = await issuer.IssueAsync(TokenIssuer.ForClient(client, organisation), ct);
        return Issued(access, refreshToken: null);
    }

    public async Task<IResult> RefreshAsync(string handle, CancellationToken ct)
    {
        if (handle.Length == 0)
        {
            return OAuthError.Create("invalid_request", IdentityTexts.MissingParameter.Format("refresh_token"));
        }
        var now = time.GetUtcNow();
        var hash = Secrets.Hash(handle);
        var token = await db.RefreshTokens.FirstOrDefaultAsync(t => t.HandleHash == hash, ct);
        if (token is null)
        {
            return OAuthError.Create("invalid_grant", IdentityTexts.RefreshInvalid, "refresh-invalid");
        }
        if (token.WasReused)
        {
            await RevokeFamilyAsync(token.FamilyId, now, ct);
            return OAuthError.Create("invalid_grant", IdentityTexts.RefreshReused, "refresh-reused");
        }
        if (!token.IsUsable(now))
        {
            return OAuthError.Create("invalid_grant", IdentityTexts.RefreshInvalid, "refresh-invalid");
        }
        var user = await users.FindByIdAsync(token.UserId.ToString());
        if (user is null)
        {
            return OAuthError.Create("invalid_grant", IdentityTexts.RefreshInvalid, "refresh-invalid");
        }
        if (await users.IsLockedOutAsync(user))
        {
            return Locked(await users.GetLockoutEndDateAsync(user));
        }
        token.Consume(now);
        try
        {
            return await IssueForUserAsync(user, token.FamilyId, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same token was presented twice at once; the other request rotated it first.
            db.ChangeTracker.Clear();
            await RevokeFamilyAsync(token.FamilyId, now, ct);
            return OAuthError.Create("invalid_grant", IdentityTexts.RefreshReused, "refresh-reused");
        }
    }

    /// <summary>A refresh token revokes its family; an access token this server signed is revoked everywhere by its jti.</summary>
    public async Task RevokeAsync(string token, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var hash = Secrets.Hash(token);
        var refresh = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.HandleHash == hash, ct);
        if (refresh is not null)
        {
            await RevokeFamilyAsync(refresh.FamilyId, now, ct);
            return;
        }
        if (await ConnectApi.ReadOwnTokenAsync(token, keys, options, ct) is { } access && access.Id.Length > 0)
        {
            db.Revoke(ConnectApi.RevocationOf(access, now), now);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// Signs a member or client out everywhere: refresh tokens revoked, outstanding access tokens refused
    /// by every service. The event is queued on the context; the caller's SaveChanges stores it.
    /// </summary>
    public async Task RevokeEverythingOfAsync(string subject, Guid? userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (userId is { } id)
        {
            foreach (var token in await db.RefreshTokens.Where(t => t.UserId == id && t.RevokedAt == null).ToListAsync(ct))
            {
                token.Revoke(now);
            }
        }
        db.AddEvent(new TokensRevoked(subject, null, now, now.Add(options.RetiredKeyPublication)), now);
    }

    private async Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken ct)
    {
        var family = await db.RefreshTokens.Where(t => t.FamilyId == familyId).ToListAsync(ct);
        foreach (var member in family)
        {
            member.Revoke(now);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<IResult> IssueForUserAsync(MarketplaceUser user, Guid? familyId, CancellationToken ct)
    {
        if (!user.Active)
        {
            return OAuthError.Create("invalid_grant", IdentityTexts.AccountInactive, "account-inactive");
        }
        Organisation? organisation = null;
        if (user.OrganisationId is { } orgId)
        {
            organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == orgId, ct);
            if (organisation.Status == OrganisationStatus.Pending)
            {
                return OAuthError.Create("invalid_grant", IdentityTexts.OrganisationPending, "organisation-pending");
            }
            if (!organisation.IsActive)
            {
                return OAuthError.Create("invalid_grant", IdentityTexts.OrganisationNotActive.Format(organisation.Status), "organisation-not-active");
            }
        }
        var roles = await users.GetRolesAsync(user);
        var access = await issuer.IssueAsync(TokenIssuer.ForUser(user, roles, organisation), ct);
        var (refresh, handle) = RefreshToken.Issue(user.Id, familyId, time.GetUtcNow(), options.RefreshTokenLifetime);
        db.RefreshTokens.Add(refresh);
        await db.SaveChangesAsync(ct);
        return Issued(access, handle);
    }

    private OAuthError.NoStoreResult Issued(AccessToken access, string? refreshToken)
    {
        var body = new Dictionary<string, object>
        {
            ["access_token"] = access.Token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)options.AccessTokenLifetime.TotalSeconds,
            ["scope"] = refreshToken is null ? "marketplace" : "openid profile email offline_access marketplace",
        };
        if (refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
        }
        return new OAuthError.NoStoreResult(TypedResults.Json(body));
    }

    private IResult Locked(DateTimeOffset? until) =>
        OAuthError.Create("invalid_grant", IdentityTexts.AccountLocked.Format(HongKongTime.Format(until ?? time.GetUtcNow())), "account-locked",
            extensions: new Dictionary<string, object?> { ["lockedUntil"] = until });
}
