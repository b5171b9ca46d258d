using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.SoakTests;

/// <summary>
/// A signed-in person of the load. Access tokens live 15 minutes (Identity:AccessTokenMinutes), so a soak longer than that
/// refreshes them as the web UI does: after ten minutes, with the refresh token, once however many requests want a token at that moment.
/// </summary>
public sealed class SignedInPerson
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(10);

    private readonly Stopwatch _clock;
    private readonly Lock _gate = new();
    private Task? _refresh;
    private string _accessToken;
    private string _refreshToken;
    private TimeSpan _issuedAt;

    private SignedInPerson(Stopwatch clock, JsonElement tokens)
    {
        _clock = clock;
        (_accessToken, _refreshToken) = Read(tokens);
        _issuedAt = clock.Elapsed;
    }

    /// <summary>Signs in with the password grant (not part of the measured load).</summary>
    public static async Task<SignedInPerson> SignInAsync(HttpClient http, Stopwatch clock, Person person)
    {
        var response = await TokenEndpoint.PasswordAsync(http, person.Email, person.Password);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {person.Email} failed: {body}");
        return new(clock, body);
    }

    public async Task<string> AccessTokenAsync(GatewayCalls calls)
    {
        Task refresh;
        lock (_gate)
        {
            if (_clock.Elapsed - _issuedAt < RefreshAfter)
            {
                return _accessToken;
            }
            refresh = _refresh ??= Task.Run(() => RefreshAsync(calls));
        }
        await refresh;
        lock (_gate)
        {
            return _accessToken;
        }
    }

    private async Task RefreshAsync(GatewayCalls calls)
    {
        string refreshToken;
        lock (_gate)
        {
            refreshToken = _refreshToken;
        }
        var refreshed = await calls.RecordAsync("token refresh", TokenEndpoint.Path, HttpStatusCode.OK, () => TokenEndpoint.RefreshAsync(calls.Http, refreshToken));
        lock (_gate)
        {
            // A failed refresh is an error of the load already; the old token serves, and the next request tries again.
            if (refreshed is not null)
            {
                using var tokens = JsonDocument.Parse(refreshed);
                (_accessToken, _refreshToken) = Read(tokens.RootElement);
                _issuedAt = _clock.Elapsed;
            }
            _refresh = null;
        }
    }

    private static (string Access, string Refresh) Read(JsonElement tokens) =>
        (tokens.GetProperty("access_token").GetString()!, tokens.GetProperty("refresh_token").GetString()!);
}
