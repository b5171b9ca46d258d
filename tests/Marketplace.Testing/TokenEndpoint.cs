using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Marketplace.Testing;

/// <summary>Calls the identity service's token endpoint the way an OAuth client does (form-encoded).</summary>
public static class TokenEndpoint
{
    public const string Path = "/api/identity/connect/token";

    public static Task<HttpResponseMessage> PasswordAsync(HttpClient client, string username, string password) =>
        client.PostAsync(Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = username,
            ["password"] = password,
            ["client_id"] = "marketplace-web",
            ["scope"] = "openid profile offline_access marketplace",
        }));

    public static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsync(Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            // A public client names itself when it refreshes (RFC 6749 §6); the token was issued to it.
            ["client_id"] = "marketplace-web",
        }));

    /// <summary>client_secret_basic, as RFC 6749 §2.3.1 prefers.</summary>
    public static async Task<HttpResponseMessage> ClientCredentialsAsync(HttpClient client, string clientId, string clientSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}")));
        return await client.SendAsync(request);
    }

    /// <summary>Signs in with a password and returns the access token; fails the test with the server's answer otherwise.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string username, string password)
    {
        var response = await PasswordAsync(client, username, password);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {username} failed: {body}");
        return body.GetProperty("access_token").GetString()!;
    }
}
