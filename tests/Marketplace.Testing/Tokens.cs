using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Testing;

/// <summary>
/// Tokens for arranging a test quickly, signed with the key the tests' identity service imports
/// (<c>Identity:ImportKeys</c>), so every service checks them exactly as it checks issued tokens:
/// through the identity service's discovery document and JWKS. Tests about issuing tokens use the
/// token endpoint instead.
/// </summary>
public static class Tokens
{
    public const string KeyId = "tests-imported-key";

    private static readonly RSA s_rsa = RSA.Create(2048);

    /// <summary>This test run's private key, for the identity service to import; generated per run, never stored.</summary>
    public static string PrivateKeyPem { get; } = s_rsa.ExportPkcs8PrivateKeyPem();

    public static RsaSecurityKey Key { get; } = new(s_rsa) { KeyId = KeyId };

    /// <summary>The settings that make an identity service (or the standalone host) sign and accept these tokens.</summary>
    public static IReadOnlyDictionary<string, string?> IdentitySettings { get; } = new Dictionary<string, string?>
    {
        ["Identity:Issuer"] = TestServers.Issuer,
        ["Identity:ImportKeys:0:KeyId"] = KeyId,
        ["Identity:ImportKeys:0:PrivateKeyPem"] = PrivateKeyPem,
        ["Auth:Audience"] = TestServers.Audience,
        ["Identity:WebClient:RedirectUris:0"] = CodeFlow.RedirectUri,
        ["Identity:WebClient:PostLogoutRedirectUris:0"] = CodeFlow.PostLogoutRedirectUri,
    };

    public static string For(string role, Guid? organisationId, string? organisationType = null, string? subject = null) =>
        Create(subject ?? $"user-{Guid.NewGuid():N}", [role], organisationId, organisationType ?? OrganisationTypeOf(role));

    /// <summary>A token with every field chosen by the test (to prove what the services refuse).</summary>
    public static string Create(
        string subject,
        IEnumerable<string> roles,
        Guid? organisationId,
        string? organisationType,
        string issuer = TestServers.Issuer,
        string audience = TestServers.Audience,
        DateTimeOffset? issuedAt = null,
        TimeSpan? lifetime = null,
        SecurityKey? key = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        string? tokenId = null)
    {
        var claims = new List<Claim>
        {
            new(MarketplaceClaims.Subject, subject),
            new(MarketplaceClaims.Name, $"Test {string.Join("/", roles)}"),
            new(MarketplaceClaims.TokenId, tokenId ?? Guid.NewGuid().ToString("N")),
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
        var now = issuedAt ?? DateTimeOffset.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime ?? TimeSpan.FromHours(1)).UtcDateTime,
            SigningCredentials = new SigningCredentials(key ?? Key, algorithm),
        });
    }

    public static HttpClient As(this HttpClient client, string role, Guid? organisationId, string? subject = null) =>
        client.WithToken(For(role, organisationId, subject: subject));

    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string? OrganisationTypeOf(string role) => role switch
    {
        Roles.DepartmentOfficer => "Department",
        Roles.Vendor => "Vendor",
        Roles.ChamberMember => "Chamber",
        Roles.FundingOfficer or Roles.Assessor => "FundingBody",
        _ => null,
    };
}
