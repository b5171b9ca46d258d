using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Testing;

namespace Marketplace.SystemTests;

/// <summary>
/// Two gateway processes behind one origin, as the Kubernetes deployment runs them (two replicas, more under load):
/// a session begun on one is served by the other, a form rendered by one is accepted by the other, a sign-out on
/// either ends the session on both, the session outlives the replica that began it, and requests arriving together
/// on both replicas when its access token is due refresh it once.
/// </summary>
public sealed partial class GatewayReplicaTests
{
    private const string AdminEmail = "admin@replicas.test";
    private const string AdminPassword = "Bootstrap2026";

    [Fact]
    public async Task A_session_begun_on_one_gateway_replica_is_served_and_ended_by_another()
    {
        await using var identityDb = PostgresDatabase.Reserve("identity");
        await using var webDb = PostgresDatabase.Reserve("web");
        await using var vhost = await RabbitVirtualHost.CreateAsync();
        var identityDll = HostProcess.Dll("services/identity/Marketplace.Identity.Host", "Marketplace.Identity.Host");
        var gatewayDll = HostProcess.Dll("gateway/Marketplace.Gateway", "Marketplace.Gateway");
        var (identityPort, portA, portB) = (LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
        var issuer = $"http://127.0.0.1:{identityPort}/api/identity";

        var identityEnvironment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__identity"] = identityDb.ConnectionString,
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMqUri"] = vhost.Uri,
            ["Auth__Authority"] = "",
            ["Auth__Audience"] = TestServers.Audience,
            ["Identity__Issuer"] = issuer,
            ["Identity__BootstrapAdmin__Email"] = AdminEmail,
            ["Identity__BootstrapAdmin__Password"] = AdminPassword,
            ["Identity__WebClient__RedirectUris__0"] = $"http://127.0.0.1:{portA}/signin-callback",
            ["Identity__WebClient__RedirectUris__1"] = $"http://127.0.0.1:{portB}/signin-callback",
            ["Identity__WebClient__PostLogoutRedirectUris__0"] = $"http://127.0.0.1:{portA}/signout-callback",
            ["Identity__WebClient__PostLogoutRedirectUris__1"] = $"http://127.0.0.1:{portB}/signout-callback",
        };
        var gatewayEnvironment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__web"] = webDb.ConnectionString,
            ["Auth__Authority"] = issuer,
            ["Auth__Audience"] = TestServers.Audience,
            ["Auth__RequireHttpsMetadata"] = "false",
            ["Auth__MetadataAddress"] = $"{issuer}/.well-known/openid-configuration",
            ["Web__Authority"] = issuer,
            ["Web__InternalAuthority"] = issuer,
            ["Web__SecureCookies"] = "false",
            ["Gateway__Services__identity"] = $"http://127.0.0.1:{identityPort}",
            ["Web__Services__identity"] = $"http://127.0.0.1:{identityPort}",
            // Every request finds the access token due for renewal, so concurrent requests race to refresh it.
            ["Web__RefreshBeforeExpirySeconds"] = "86400",
        };
        foreach (var (dll, environment) in new[] { (identityDll, identityEnvironment), (gatewayDll, gatewayEnvironment) })
        {
            var migrated = await HostProcess.RunToEndAsync(dll, environment, "--migrate");
            Assert.True(migrated.ExitCode == 0, migrated.Output);
        }
        await using var identity = await HostProcess.StartAsync(identityDll, identityEnvironment, port: identityPort);
        var replicaA = await HostProcess.StartAsync(gatewayDll, gatewayEnvironment, port: portA);
        await using var replicaB = await HostProcess.StartAsync(gatewayDll, gatewayEnvironment, port: portB);

        // One browser: one cookie jar for the host (cookies do not tell ports apart), redirects followed by hand.
        using var browser = new Browser();
        try
        {
            var signInPage = await browser.FollowAsync(new Uri(replicaA.BaseAddress, "/admin/organisations"));
            Assert.True(signInPage.Url.ToString().StartsWith($"{issuer}/account/sign-in", StringComparison.Ordinal),
                $"{signInPage.Url} {signInPage.Status}\n{signInPage.Html[..Math.Min(2000, signInPage.Html.Length)]}\n--- A ---\n{replicaA.Output}");
            var fields = CodeFlow.FormFields(signInPage.Html);
            fields["username"] = AdminEmail;
            fields["password"] = AdminPassword;
            var signedIn = await browser.PostAndFollowAsync(new Uri(signInPage.Url, "/api/identity/account/sign-in"), fields);
            Assert.True(signedIn.Url.Port == portA && signedIn.Url.AbsolutePath == "/admin/organisations",
                $"{signedIn.Url} {signedIn.Status}\n{signedIn.Html}\n--- A ---\n{replicaA.Output}");
            Assert.Contains("data-testid=\"sign-out\"", signedIn.Html, StringComparison.Ordinal);

            // The other replica knows the session and accepts the antiforgery token the first one rendered.
            var onB = await browser.GetAsync(new Uri(replicaB.BaseAddress, "/admin/organisations"));
            Assert.True(onB.Status == HttpStatusCode.OK, $"{onB.Status} {onB.Location}\n--- B ---\n{replicaB.Output}");
            Assert.Contains("data-testid=\"sign-out\"", onB.Html, StringComparison.Ordinal);
            var token = SignOutToken().Match(signedIn.Html);
            Assert.True(token.Success, signedIn.Html);

            // Requests of the session arriving together on both replicas, each finding the token due: one refreshes it
            // (a refresh token used twice would be taken for theft and end the session), the others go on with theirs.
            var together = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
                browser.GetAsync(new Uri((i % 2 == 0 ? replicaA : replicaB).BaseAddress, "/admin/organisations"))));
            Assert.All(together, answer => Assert.True(answer.Status == HttpStatusCode.OK && answer.Html.Contains("data-testid=\"sign-out\"", StringComparison.Ordinal),
                $"{answer.Status} {answer.Location}\n--- A ---\n{replicaA.Output}\n--- B ---\n{replicaB.Output}"));
            var afterRace = await browser.GetAsync(new Uri(replicaB.BaseAddress, "/admin/organisations"));
            Assert.Equal(HttpStatusCode.OK, afterRace.Status);

            // The replica that began the session goes away; the session does not.
            await replicaA.DisposeAsync();
            var stillOnB = await browser.GetAsync(new Uri(replicaB.BaseAddress, "/admin/organisations"));
            Assert.Equal(HttpStatusCode.OK, stillOnB.Status);

            var signOut = await browser.PostAsync(new Uri(replicaB.BaseAddress, "/sign-out"),
                new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value) });
            Assert.True(signOut.Status == HttpStatusCode.Redirect, $"{signOut.Status}\n{signOut.Html}\n--- B ---\n{replicaB.Output}");

            // A replica that starts later shares the ended session's fate: signed out there too.
            await using var replicaC = await HostProcess.StartAsync(gatewayDll, gatewayEnvironment, port: portA);
            foreach (var replica in new[] { replicaB, replicaC })
            {
                var after = await browser.GetAsync(new Uri(replica.BaseAddress, "/admin/organisations"));
                Assert.Equal(HttpStatusCode.Redirect, after.Status);
                Assert.StartsWith($"{issuer}/connect/authorize", after.Location!.ToString());
            }
            Assert.Equal(0, await webDb.CountAsync("SELECT count(*) FROM session_tickets"));
        }
        finally
        {
            await replicaA.DisposeAsync();
        }
    }

    [GeneratedRegex("action=\"/sign-out\"[^>]*>\\s*<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex SignOutToken();

    private sealed record Answer(Uri Url, HttpStatusCode Status, Uri? Location, string Html);

    /// <summary>A client that keeps cookies and does not follow redirects by itself, playing the browser.</summary>
    private sealed class Browser : IDisposable
    {
        private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };

        public Task<Answer> GetAsync(Uri url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

        public Task<Answer> PostAsync(Uri url, Dictionary<string, string> form) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) });

        public async Task<Answer> FollowAsync(Uri url) => await FollowFromAsync(await GetAsync(url));

        public async Task<Answer> PostAndFollowAsync(Uri url, Dictionary<string, string> form) => await FollowFromAsync(await PostAsync(url, form));

        private async Task<Answer> FollowFromAsync(Answer answer)
        {
            for (var hops = 0; answer.Location is not null && hops < 10; hops++)
            {
                answer = await GetAsync(answer.Location);
            }
            return answer;
        }

        private async Task<Answer> SendAsync(HttpRequestMessage request)
        {
            using var response = await _http.SendAsync(request);
            var location = response.Headers.Location is { } l ? new Uri(request.RequestUri!, l) : null;
            return new Answer(request.RequestUri!, response.StatusCode, (int)response.StatusCode is >= 300 and < 400 ? location : null,
                await response.Content.ReadAsStringAsync());
        }

        public void Dispose() => _http.Dispose();
    }
}
