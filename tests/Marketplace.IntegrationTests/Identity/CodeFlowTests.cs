using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Marketplace.IntegrationTests.Identity;

/// <summary>
/// The OpenID Connect flows beyond the password grant, driven over HTTP as the web UI, a browser and an
/// organisation's system drive them; run once per runtime mode.
/// </summary>
public abstract class CodeFlowTests(MarketplaceEnvironment env)
{
    private const string Draft = "/api/catalogue/scenarios?status=Draft";

    private async Task<(Guid Department, string Email)> OfficerAsync()
    {
        var department = await env.CreateOrganisationAsync("Department");
        var (_, email) = await env.AddMemberAsync(department, Roles.DepartmentOfficer, manager: true);
        return (department, email);
    }

    private static async Task<string> CodeOfAsync(HttpResponseMessage response, string property) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty(property).GetString()!;

    [Fact]
    public async Task A_person_signs_in_on_the_sign_in_page_and_the_web_UI_exchanges_the_code_refreshes_and_signs_out()
    {
        var (department, email) = await OfficerAsync();
        var browser = env.IdentityBrowser();
        var web = env.IdentityClient();
        var pkce = CodeFlow.NewPkce();
        var code = await CodeFlow.SignInForCodeAsync(browser, pkce, email, IdentityFixtures.Password);

        var tokens = await CodeFlow.ExchangedAsync(web, code, pkce.Verifier);
        var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.Equal("RS256", access.Alg);
        Assert.Equal(TestServers.Issuer, access.Issuer);
        Assert.Equal(TestServers.Audience, access.Audiences.Single());
        Assert.Equal(department.ToString(), access.GetClaim("org").Value);
        Assert.Equal("Department", access.GetClaim("org_type").Value);
        Assert.Equal(Roles.DepartmentOfficer, access.GetClaim("role").Value);
        Assert.Equal("en", access.GetClaim("locale").Value);
        Assert.False(access.TryGetClaim("client_id", out _), "a person's token must not look like an organisation's system");
        Assert.Equal(access.Subject, new JsonWebToken(tokens.GetProperty("id_token").GetString()).Subject);
        await (await env.CatalogueClient().WithToken(access.EncodedToken).GetAsync(Draft)).ShouldBe(HttpStatusCode.OK);

        // Refresh tokens rotate; the replay of a used one ends the whole family.
        var refresh1 = tokens.GetProperty("refresh_token").GetString()!;
        var rotated = await TokenEndpoint.RefreshAsync(web, refresh1);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var refresh2 = await CodeOfAsync(rotated, "refresh_token");
        Assert.NotEqual(refresh1, refresh2);
        var replay = await TokenEndpoint.RefreshAsync(web, refresh1);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("refresh-reused", await CodeOfAsync(replay, "code"));
        Assert.Equal("refresh-invalid", await CodeOfAsync(await TokenEndpoint.RefreshAsync(web, refresh2), "code"));

        // The sign-in session is still there: another authorization needs no password.
        var pkce2 = CodeFlow.NewPkce();
        var code2 = await CodeFlow.FollowToCodeAsync(browser, CodeFlow.AuthorizeUrl(pkce2, "second"), "second");
        var session2 = await CodeFlow.ExchangedAsync(web, code2, pkce2.Verifier);

        // Sign-out: back to the client, the session's refresh token dead, the next authorization asks for the password.
        var signOut = await browser.GetAsync("/api/identity/connect/endsession?id_token_hint=" + session2.GetProperty("id_token").GetString()
            + "&post_logout_redirect_uri=" + Uri.EscapeDataString(CodeFlow.PostLogoutRedirectUri) + "&state=bye");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith(CodeFlow.PostLogoutRedirectUri, signOut.Headers.Location!.OriginalString);
        Assert.Equal("bye", CodeFlow.QueryOf(signOut.Headers.Location)["state"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await TokenEndpoint.RefreshAsync(web, session2.GetProperty("refresh_token").GetString()!)).StatusCode);
        var afterSignOut = await browser.GetAsync(CodeFlow.AuthorizeUrl(CodeFlow.NewPkce(), "third"));
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/api/identity/account/sign-in", afterSignOut.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_code_is_good_once_and_its_replay_ends_the_tokens_it_gave()
    {
        var (_, email) = await OfficerAsync();
        var pkce = CodeFlow.NewPkce();
        var code = await CodeFlow.SignInForCodeAsync(env.IdentityBrowser(), pkce, email, IdentityFixtures.Password);
        var web = env.IdentityClient();
        var tokens = await CodeFlow.ExchangedAsync(web, code, pkce.Verifier);

        var replay = await CodeFlow.ExchangeAsync(web, code, pkce.Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", await CodeOfAsync(replay, "error"));
        Assert.Equal(HttpStatusCode.BadRequest, (await TokenEndpoint.RefreshAsync(web, tokens.GetProperty("refresh_token").GetString()!)).StatusCode);
    }

    [Fact]
    public async Task A_code_is_refused_without_the_PKCE_verifier_it_was_issued_for()
    {
        var (_, email) = await OfficerAsync();
        var pkce = CodeFlow.NewPkce();
        var code = await CodeFlow.SignInForCodeAsync(env.IdentityBrowser(), pkce, email, IdentityFixtures.Password);

        var stolen = await CodeFlow.ExchangeAsync(env.IdentityClient(), code, CodeFlow.NewPkce().Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.Equal("invalid_grant", await CodeOfAsync(stolen, "error"));
    }

    [Fact]
    public async Task The_authorization_endpoint_refuses_a_request_without_PKCE_or_with_an_unregistered_redirect_URI()
    {
        var browser = env.IdentityBrowser();
        var withoutPkce = await browser.GetAsync($"{CodeFlow.AuthorizePath}?client_id={CodeFlow.ClientId}&response_type=code&scope=openid"
            + $"&redirect_uri={Uri.EscapeDataString(CodeFlow.RedirectUri)}&state=x");
        Assert.Equal(HttpStatusCode.BadRequest, withoutPkce.StatusCode);
        Assert.Null(withoutPkce.Headers.Location);

        var elsewhere = await browser.GetAsync(CodeFlow.AuthorizeUrl(CodeFlow.NewPkce(), "x").Replace(
            Uri.EscapeDataString(CodeFlow.RedirectUri), Uri.EscapeDataString("https://evil.example/callback"), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Null(elsewhere.Headers.Location);
        // Not redirectable, so answered here as problem details naming the parameter.
        Assert.Equal("application/problem+json", elsewhere.Content.Headers.ContentType?.MediaType);
        var problem = await elsewhere.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("invalid_request", problem.GetProperty("error").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("redirect_uri", out _), problem.ToString());
    }

    [Fact]
    public async Task The_sign_in_page_speaks_Chinese_to_Chinese_readers_and_says_when_the_account_is_locked()
    {
        var (_, email) = await OfficerAsync();
        var browser = env.IdentityBrowser();
        browser.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-HK"));
        var (page, html) = await CodeFlow.OpenSignInPageAsync(browser, CodeFlow.NewPkce(), "zh");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("lang=\"zh-HK\"", html);
        Assert.Contains("密碼", html);

        var answer = "";
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await CodeFlow.PostSignInAsync(browser, html, email, "Wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            answer = await wrong.Content.ReadAsStringAsync();
            html = answer;
        }
        Assert.Contains("鎖定", answer);
        // The right password does not get through the lock either.
        var locked = await CodeFlow.PostSignInAsync(browser, html, email, IdentityFixtures.Password);
        Assert.Contains("鎖定", await locked.Content.ReadAsStringAsync());

        var english = env.IdentityBrowser();
        var (_, englishHtml) = await CodeFlow.OpenSignInPageAsync(english, CodeFlow.NewPkce(), "en");
        Assert.Contains("lang=\"en\"", englishHtml);
        Assert.Contains("Password", englishHtml);
    }

    [Fact]
    public async Task The_sign_in_form_is_refused_without_its_antiforgery_token_and_starts_no_session()
    {
        var (_, email) = await OfficerAsync();
        var browser = env.IdentityBrowser();
        var pkce = CodeFlow.NewPkce();
        var (_, html) = await CodeFlow.OpenSignInPageAsync(browser, pkce, "csrf");
        var fields = CodeFlow.FormFields(html);
        fields.Remove(fields.Keys.Single(k => k != "returnUrl"));
        fields["username"] = email;
        fields["password"] = IdentityFixtures.Password;

        var forged = await browser.PostAsync("/api/identity/account/sign-in", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var authorize = await browser.GetAsync(CodeFlow.AuthorizeUrl(pkce, "csrf"));
        Assert.StartsWith("/api/identity/account/sign-in", authorize.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Introspection_shows_a_client_token_as_active_until_it_is_revoked()
    {
        var (department, email) = await OfficerAsync();
        var manager = env.IdentityClient().WithToken(await TokenEndpoint.SignInAsync(env.IdentityClient(), email, IdentityFixtures.Password));
        var created = await (await manager.PostAsJsonAsync($"/api/identity/organisations/{department}/clients", new { name = "Audit pipeline" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var clientId = created.GetProperty("client").GetProperty("clientId").GetString()!;
        var secret = created.GetProperty("clientSecret").GetString()!;
        var token = await CodeOfAsync(await TokenEndpoint.ClientCredentialsAsync(env.IdentityClient(), clientId, secret), "access_token");

        var active = await IntrospectAsync(clientId, secret, token);
        Assert.True(active.GetProperty("active").GetBoolean(), active.ToString());
        Assert.Equal(clientId, active.GetProperty("sub").GetString());

        var revoked = await PostAsClientAsync("/api/identity/connect/revocation", clientId, secret, new() { ["token"] = token });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var inactive = await IntrospectAsync(clientId, secret, token);
        Assert.False(inactive.GetProperty("active").GetBoolean(), inactive.ToString());
        await Eventually.Until(() => env.CatalogueClient().WithToken(token).GetAsync(Draft), r => r.StatusCode == HttpStatusCode.Unauthorized,
            what: "the revoked client token to be refused by the catalogue");
    }

    private async Task<JsonElement> IntrospectAsync(string clientId, string secret, string token)
    {
        var response = await PostAsClientAsync("/api/identity/connect/introspect", clientId, secret, new() { ["token"] = token });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> PostAsClientAsync(string path, string clientId, string secret, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        return await env.IdentityClient().SendAsync(request);
    }

    public static TheoryData<string, string, string> BadForms => new()
    {
        { "truncated multipart", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\npass" },
        { "multipart without boundary", "multipart/form-data", "grant_type=password" },
        { "NUL in a value", "application/x-www-form-urlencoded", "grant_type=password&username=a%00b@x.test&password=x" },
        { "1,025 keys", "application/x-www-form-urlencoded", string.Join('&', Enumerable.Range(0, 1025).Select(i => $"k{i}=v")) },
        { "5 MB value", "application/x-www-form-urlencoded", "grant_type=password&password=x&username=" + new string('a', 5 * 1024 * 1024) },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task Bad_form_input_on_the_OAuth_endpoints_is_an_OAuth_error_never_a_server_error(string what, string contentType, string body)
    {
        foreach (var path in new[] { TokenEndpoint.Path, "/api/identity/connect/revocation", "/api/identity/connect/introspect" })
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            var response = await env.IdentityClient().PostAsync(path, content);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{what} on {path}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("invalid_request", problem.GetProperty("error").GetString());
                Assert.Equal(400, problem.GetProperty("status").GetInt32());
            }
        }
        using var page = new StringContent(body, Encoding.UTF8);
        page.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var signIn = await env.IdentityBrowser().PostAsync("/api/identity/account/sign-in", page);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }

    [Fact]
    public async Task Rotating_the_signing_key_fails_no_request()
    {
        var (_, email) = await OfficerAsync();
        var before = new JsonWebToken(await TokenEndpoint.SignInAsync(env.IdentityClient(), email, IdentityFixtures.Password));
        await (await env.CatalogueClient().WithToken(before.EncodedToken).GetAsync(Draft)).ShouldBe(HttpStatusCode.OK);

        var failures = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            var catalogue = env.CatalogueClient().WithToken(before.EncodedToken);
            while (!stop.IsCancellationRequested)
            {
                var response = await catalogue.GetAsync(Draft);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"old key: {(int)response.StatusCode}");
                }
            }
        });

        var rotated = await env.AdminClient().PostAsync("/api/identity/keys/rotate", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newKid = await CodeOfAsync(rotated, "keyId");
        // Signing moves to the new key at once, and the very first request with it is accepted everywhere.
        var after = new JsonWebToken(await TokenEndpoint.SignInAsync(env.IdentityClient(), email, IdentityFixtures.Password));
        Assert.Equal(newKid, after.Kid);
        await (await env.CatalogueClient().WithToken(after.EncodedToken).GetAsync(Draft)).ShouldBe(HttpStatusCode.OK);
        await (await env.MatchingClient().WithToken(after.EncodedToken).GetAsync("/api/matching/open-scenarios")).ShouldBe(HttpStatusCode.OK);
        await (await env.IdentityClient().WithToken(after.EncodedToken).GetAsync("/api/identity/me")).ShouldBe(HttpStatusCode.OK);

        await stop.CancelAsync();
        await load;
        Assert.Empty(failures);
    }
}

public sealed class CodeFlowTests_Standalone(StandaloneEnvironment env) : CodeFlowTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class CodeFlowTests_Distributed(DistributedEnvironment env) : CodeFlowTests(env), IClassFixture<DistributedEnvironment>;
