using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;

namespace Marketplace.IntegrationTests.Infrastructure;

/// <summary>Organisations and real accounts made through the identity API, as an administrator and the invitees would.</summary>
public static class IdentityFixtures
{
    public const string Password = "Fixture2026pw";

    public static HttpClient AdminClient(this MarketplaceEnvironment env) => env.IdentityClient().As(Roles.Admin, null);

    public static async Task<Guid> CreateOrganisationAsync(this MarketplaceEnvironment env, string type, string? brn = null, string? sizeClass = null)
    {
        var response = await env.AdminClient().PostAsJsonAsync("/api/identity/organisations", new
        {
            type,
            nameEn = $"{type} {Guid.NewGuid():N}"[..30],
            nameZh = "測試機構",
            businessRegistrationNumber = type == "Vendor" ? brn ?? UniqueBrn() : null,
            sizeClass = type == "Vendor" ? sizeClass ?? "SME" : null,
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Invites through the organisation's API (as an administrator) and accepts; returns the new user's id and email.</summary>
    public static async Task<(Guid UserId, string Email)> AddMemberAsync(this MarketplaceEnvironment env, Guid organisationId, string role, bool manager)
    {
        var email = $"m{Guid.NewGuid():N}@fixture.test";
        var invited = await env.AdminClient().PostAsJsonAsync($"/api/identity/organisations/{organisationId}/invitations", new { email, role, manager });
        var invitation = await invited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(invited.StatusCode == HttpStatusCode.Created, invitation.ToString());
        var accepted = await env.IdentityClient().PostAsJsonAsync("/api/identity/invitations/accept", new
        {
            code = invitation.GetProperty("code").GetString(),
            email,
            name = "Fixture Member",
            password = Password,
            locale = "en",
        });
        var member = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(accepted.StatusCode == HttpStatusCode.Created, member.ToString());
        return (member.GetProperty("id").GetGuid(), email);
    }

    public static string UniqueBrn() => Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
