using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Auth;

/// <summary>
/// On each request with a session: when the access token expires within <see cref="WebOptions.RefreshBeforeExpirySeconds"/>,
/// exchanges the refresh token (used once; the identity service rotates it) and keeps the new pair in the
/// server-side ticket. A refused refresh (revoked, expired, the person was disabled) ends the session.
/// </summary>
internal sealed class TokenRefresh(IHttpClientFactory clients, IOptionsMonitor<OpenIdConnectOptions> oidc, WebOptions options, TimeProvider time, ILogger<TokenRefresh> logger)
{
    public const string ClientName = "web-token-refresh";

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var tokens = context.Properties;
        if (!DateTimeOffset.TryParse(tokens.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
            || expiresAt - time.GetUtcNow() > TimeSpan.FromSeconds(options.RefreshBeforeExpirySeconds))
        {
            return;
        }
        var refreshToken = tokens.GetTokenValue("refresh_token");
        var refreshed = refreshToken is null ? null : await RefreshAsync(refreshToken, context.HttpContext.RequestAborted);
        if (refreshed is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(WebSchemes.Cookie);
            return;
        }
        tokens.UpdateTokenValue("access_token", refreshed.Value.AccessToken);
        tokens.UpdateTokenValue("refresh_token", refreshed.Value.RefreshToken ?? refreshToken!);
        tokens.UpdateTokenValue("expires_at", time.GetUtcNow().AddSeconds(refreshed.Value.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private async Task<(string AccessToken, string? RefreshToken, int ExpiresIn)?> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var settings = oidc.Get(WebSchemes.OpenIdConnect);
        var configuration = await settings.ConfigurationManager!.GetConfigurationAsync(ct);
        using var response = await clients.CreateClient(ClientName).PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = settings.ClientId!,
        }), ct);
        if (!response.IsSuccessStatusCode)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("The identity service refused to refresh a session's token ({Status}); the session ends.", (int)response.StatusCode);
            }
            return null;
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = body.RootElement;
        return (root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var rotated) ? rotated.GetString() : null,
            root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300);
    }
}
