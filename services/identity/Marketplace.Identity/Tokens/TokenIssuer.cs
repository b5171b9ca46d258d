using System.Security.Claims;
using Marketplace.Identity.Domain;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Identity.Tokens;

public sealed record AccessToken(string Token, string TokenId, DateTimeOffset ExpiresAt);

/// <summary>Signs access tokens (RS256, with the active key's kid) carrying sub, name, org, org_type, role(s) and locale.</summary>
public sealed class TokenIssuer(SigningKeyStore keys, TokenServerOptions options, AuthOptions auth, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<AccessToken> IssueAsync(IEnumerable<Claim> claims, CancellationToken cancellationToken)
    {
        var signing = await keys.CurrentAsync(cancellationToken);
        var now = time.GetUtcNow();
        var expires = now.Add(options.AccessTokenLifetime);
        var tokenId = Guid.NewGuid().ToString("N");
        var identity = new ClaimsIdentity(claims);
        identity.AddClaim(new Claim(MarketplaceClaims.TokenId, tokenId));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = auth.Audience,
            Subject = identity,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(signing.Active, SecurityAlgorithms.RsaSha256),
        });
        // The token's exp has whole seconds; report the same instant.
        return new AccessToken(token, tokenId, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    /// <summary>The claims of a person acting for their organisation (or for no organisation: administrators, talent).</summary>
    public static IEnumerable<Claim> ForUser(MarketplaceUser user, IEnumerable<string> roles, Organisation? organisation)
    {
        yield return new Claim(MarketplaceClaims.Subject, user.Id.ToString());
        yield return new Claim(MarketplaceClaims.Name, user.DisplayName);
        yield return new Claim(MarketplaceClaims.Email, user.Email ?? "");
        yield return new Claim(MarketplaceClaims.Locale, user.Locale);
        foreach (var claim in OrganisationClaims(organisation))
        {
            yield return claim;
        }
        foreach (var role in roles)
        {
            yield return new Claim(MarketplaceClaims.Role, role);
        }
    }

    /// <summary>The claims of an organisation's own system (client_credentials).</summary>
    public static IEnumerable<Claim> ForClient(ApiClient client, Organisation organisation)
    {
        yield return new Claim(MarketplaceClaims.Subject, client.ClientId);
        yield return new Claim(MarketplaceClaims.ClientId, client.ClientId);
        yield return new Claim(MarketplaceClaims.Name, client.Name);
        foreach (var claim in OrganisationClaims(organisation))
        {
            yield return claim;
        }
        yield return new Claim(MarketplaceClaims.Role, client.Role);
    }

    private static IEnumerable<Claim> OrganisationClaims(Organisation? organisation)
    {
        if (organisation is not null)
        {
            yield return new Claim(MarketplaceClaims.Organisation, organisation.Id.ToString());
            yield return new Claim(MarketplaceClaims.OrganisationType, organisation.Type.ToString());
        }
    }
}
