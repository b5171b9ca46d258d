using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.ServiceDefaults.Auth;

/// <summary>
/// Mints HS256 tokens with the shared development key. Used by tests and by the standalone host
/// to hand demo users a token; real deployments get tokens from the OIDC authority instead.
/// </summary>
public static class DevelopmentTokens
{
    public static SymmetricSecurityKey Key(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

    public static string Create(
        AuthOptions options,
        string subject,
        string name,
        IEnumerable<string> roles,
        Guid? organisationId,
        string? organisationType,
        TimeSpan lifetime,
        DateTimeOffset now)
    {
        var signingKey = options.SigningKey
            ?? throw new InvalidOperationException("Auth:SigningKey must be configured to mint development tokens.");
        var claims = new List<Claim>
        {
            new(MarketplaceClaims.Subject, subject),
            new(MarketplaceClaims.Name, name),
        };
        claims.AddRange(roles.Select(r => new Claim(MarketplaceClaims.Role, r)));
        if (organisationId is { } org)
        {
            claims.Add(new Claim(MarketplaceClaims.Organisation, org.ToString()));
        }
        if (organisationType is not null)
        {
            claims.Add(new Claim(MarketplaceClaims.OrganisationType, organisationType));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(Key(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
