using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Testing;

/// <summary>How people come onto the marketplace through its public API: invited by an administrator, or registering a vendor.</summary>
public static class Onboarding
{
    /// <summary>An administrator creates an organisation and invites its manager in <paramref name="role"/>, who accepts.</summary>
    public static async Task<(Guid Organisation, Guid User)> InvitedManagerAsync(
        HttpClient admin, HttpClient anonymous, string type, string nameEn, string nameZh, string role, Person manager)
    {
        var organisation = await admin.PostAsJsonAsync("/api/identity/organisations", new { type, nameEn, nameZh });
        Assert.True(organisation.StatusCode == HttpStatusCode.Created, $"{organisation.StatusCode}: {await organisation.Content.ReadAsStringAsync()}");
        var organisationId = (await organisation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var invitation = await admin.PostAsJsonAsync($"/api/identity/organisations/{organisationId}/invitations",
            new { email = manager.Email, role, manager = true });
        Assert.Equal(HttpStatusCode.Created, invitation.StatusCode);
        var code = (await invitation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var accepted = await anonymous.PostAsJsonAsync("/api/identity/invitations/accept",
            new { code, email = manager.Email, name = manager.Name, password = manager.Password, locale = manager.Locale });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        return (organisationId, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    /// <summary>A vendor registers itself (a startup); the organisation waits for an administrator's approval.</summary>
    public static async Task<Guid> RegisteredVendorAsync(HttpClient anonymous, string nameEn, string nameZh, string businessRegistrationNumber, Person contact)
    {
        var registration = await anonymous.PostAsJsonAsync("/api/identity/registrations", new
        {
            organisation = new { nameEn, nameZh, businessRegistrationNumber, sizeClass = "Startup" },
            contact = new { email = contact.Email, name = contact.Name, password = contact.Password, locale = contact.Locale },
        });
        Assert.True(registration.StatusCode == HttpStatusCode.Created, $"{registration.StatusCode}: {await registration.Content.ReadAsStringAsync()}");
        return (await registration.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organisation").GetProperty("id").GetGuid();
    }

    /// <summary>A client of <paramref name="host"/> that sends the person's access token with every request.</summary>
    public static async Task<HttpClient> SignedInClientAsync(HostProcess host, Person person)
    {
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenEndpoint.SignInAsync(client, person.Email, person.Password));
        return client;
    }
}
