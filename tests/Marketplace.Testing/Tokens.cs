using System.Net.Http.Headers;
using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Testing;

/// <summary>Tokens minted with the tests' signing key, as the identity service would issue them.</summary>
public static class Tokens
{
    private static readonly AuthOptions s_options = new()
    {
        SigningKey = TestServers.SigningKey,
        Issuer = TestServers.Issuer,
        Audience = TestServers.Audience,
    };

    public static string For(string role, Guid? organisationId, string? organisationType = null, string? subject = null) =>
        DevelopmentTokens.Create(s_options, subject ?? $"user-{Guid.NewGuid():N}", $"Test {role}", [role], organisationId,
            organisationType ?? OrganisationTypeOf(role), TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    public static HttpClient As(this HttpClient client, string role, Guid? organisationId, string? subject = null)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", For(role, organisationId, subject: subject));
        return client;
    }

    private static string? OrganisationTypeOf(string role) => role switch
    {
        Roles.DepartmentOfficer => "Department",
        Roles.Vendor => "Vendor",
        Roles.ChamberMember => "Chamber",
        Roles.FundingOfficer or Roles.Assessor => "FundingBody",
        _ => null,
    };
}
