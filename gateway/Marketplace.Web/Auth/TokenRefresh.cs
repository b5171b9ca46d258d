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
/// The identity service takes a refresh token used twice for a stolen one and revokes its whole family, so of the
/// requests of one session that find the token due together (on any replica) only the one that claims the refresh in
/// the session's row redeems it; the others go on with the access token they have, or, if it has already expired,
/// wait for the new one (and go unauthenticated, the session kept, if it does not come).
/// </summary>
internal sealed class TokenRefresh(
    IHttpClientFactory clients, IOptionsMonitor<OpenIdConnectOptions> oidc, ServerSideTickets tickets, WebOptions options, TimeProvider time, ILogger<TokenRefresh> logger)
{
    public const string ClientName = "web-token-refresh";

    /// <summary>Longer than a refresh takes; within it, the new token is minutes from being due again.</summary>
    private static readonly TimeSpan s_claimHold = TimeSpan.FromSeconds(30);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var tokens = context.Properties;
        if (!DateTimeOffset.TryParse(tokens.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
            || expiresAt - time.GetUtcNow() > TimeSpan.FromSeconds(options.RefreshBeforeExpirySeconds))
        {
            return;
        }
        var refreshToken = tokens.GetTokenValue("refresh_token");
        if (ServerSideTickets.RowOf(tokens) is { } row && !await tickets.ClaimRefreshAsync(row, s_claimHold))
        {
            // Never redeem the token the other request holds: a second use would end the session for both. If its new
            // ticket does not come in time, only this request goes unauthenticated; the session stays.
            if (expiresAt <= time.GetUtcNow() && !await AwaitRefreshedAsync(row, refreshToken, context))
            {
                context.RejectPrincipal();
            }
            return;
        }
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

    /// <summary>Another request is refreshing and this one's token has expired: takes the new tokens once they are stored.</summary>
    private async Task<bool> AwaitRefreshedAsync(string row, string? oldRefreshToken, CookieValidatePrincipalContext context)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, context.HttpContext.RequestAborted);
            if (await tickets.RetrieveRowAsync(row) is not { } stored)
            {
                return false;
            }
            if (stored.Properties.GetTokenValue("refresh_token") is { } rotated && rotated != oldRefreshToken)
            {
                foreach (var name in new[] { "access_token", "refresh_token", "expires_at" })
                {
                    context.Properties.UpdateTokenValue(name, stored.Properties.GetTokenValue(name)!);
                }
                return true;
            }
        }
        return false;
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
