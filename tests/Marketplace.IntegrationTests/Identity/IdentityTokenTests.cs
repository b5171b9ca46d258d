using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.IntegrationTests.Identity;

/// <summary>Tokens from the identity service, checked by every service; run once per runtime mode.</summary>
public abstract class IdentityTokenTests(MarketplaceEnvironment env)
{
    private static readonly string[] s_refused = ["expired", "tampered", "wrong issuer", "wrong audience", "foreign key", "HS256"];

    private async Task<(Guid Department, string Email)> OfficerAsync()
    {
        var department = await env.CreateOrganisationAsync("Department");
        var (_, email) = await env.AddMemberAsync(department, Roles.DepartmentOfficer, manager: true);
        return (department, email);
    }

    [Fact]
    public async Task A_signed_in_officer_gets_an_RS256_token_that_every_service_accepts()
    {
        var (department, email) = await OfficerAsync();
        var response = await TokenEndpoint.PasswordAsync(env.IdentityClient(), email, IdentityFixtures.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(900, body.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));

        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal("RS256", token.Alg);
        Assert.False(string.IsNullOrEmpty(token.Kid));
        Assert.Equal(TestServers.Issuer, token.Issuer);
        Assert.Equal(TestServers.Audience, token.Audiences.Single());
        Assert.Equal(department.ToString(), token.GetClaim("org").Value);
        Assert.Equal("Department", token.GetClaim("org_type").Value);
        Assert.Equal(Roles.DepartmentOfficer, token.GetClaim("role").Value);
        Assert.Equal("en", token.GetClaim("locale").Value);
        Assert.Equal("Fixture Member", token.GetClaim("name").Value);

        var officer = env.CatalogueClient().WithToken(token.EncodedToken);
        var created = await ScenarioBuilder.CreateAsync(officer);
        Assert.Equal(department, created.GetProperty("department").GetProperty("id").GetGuid());
        await (await env.MatchingClient().WithToken(token.EncodedToken).GetAsync("/api/matching/open-scenarios")).ShouldBe(HttpStatusCode.OK);
        var me = await env.IdentityClient().WithToken(token.EncodedToken).GetFromJsonAsync<JsonElement>("/api/identity/me");
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.True(me.GetProperty("manager").GetBoolean());
        var userInfo = await env.IdentityClient().WithToken(token.EncodedToken).GetFromJsonAsync<JsonElement>("/api/identity/connect/userinfo");
        Assert.Equal(token.Subject, userInfo.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Expired_tampered_foreign_and_misaddressed_tokens_are_refused_by_every_service()
    {
        var department = Guid.NewGuid();
        var valid = Tokens.For(Roles.DepartmentOfficer, department);
        var parts = valid.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["org"] = Guid.NewGuid().ToString();
        using var otherRsa = RSA.Create(2048);
        var refused = new[]
        {
            Tokens.Create("u1", [Roles.DepartmentOfficer], department, "Department", issuedAt: DateTimeOffset.UtcNow.AddHours(-3), lifetime: TimeSpan.FromHours(1)),
            $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}",
            Tokens.Create("u1", [Roles.DepartmentOfficer], department, "Department", issuer: "https://evil.example/api/identity"),
            Tokens.Create("u1", [Roles.DepartmentOfficer], department, "Department", audience: "another-api"),
            // Right kid, wrong key: someone else's key pretending to be ours.
            Tokens.Create("u1", [Roles.DepartmentOfficer], department, "Department", key: new RsaSecurityKey(otherRsa) { KeyId = Tokens.KeyId }),
            // Algorithm confusion: HMAC "signed" with a secret; only RS256 is accepted.
            Tokens.Create("u1", [Roles.DepartmentOfficer], department, "Department",
                key: new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = Tokens.KeyId }, algorithm: SecurityAlgorithms.HmacSha256),
        };

        await (await env.CatalogueClient().WithToken(valid).GetAsync("/api/catalogue/scenarios?status=Draft")).ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < refused.Length; i++)
        {
            foreach (var (client, path) in new[]
            {
                (env.CatalogueClient(), "/api/catalogue/scenarios?status=Draft"),
                (env.MatchingClient(), "/api/matching/open-scenarios"),
                (env.IdentityClient(), "/api/identity/connect/userinfo"),
            })
            {
                var response = await client.WithToken(refused[i]).GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{s_refused[i]} token on {path}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task A_revoked_access_token_is_refused_by_every_service()
    {
        var (_, email) = await OfficerAsync();
        var token = await TokenEndpoint.SignInAsync(env.IdentityClient(), email, IdentityFixtures.Password);
        await (await env.CatalogueClient().WithToken(token).GetAsync("/api/catalogue/scenarios?status=Draft")).ShouldBe(HttpStatusCode.OK);

        var revoked = await env.IdentityClient().PostAsync("/api/identity/connect/revocation",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["token_type_hint"] = "access_token" }));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        foreach (var (client, path) in new[]
        {
            (env.CatalogueClient(), "/api/catalogue/scenarios?status=Draft"),
            (env.MatchingClient(), "/api/matching/open-scenarios"),
            (env.IdentityClient(), "/api/identity/me"),
        })
        {
            await Eventually.Until(() => client.WithToken(token).GetAsync(path), r => r.StatusCode == HttpStatusCode.Unauthorized,
                what: $"the revocation to reach {path}");
        }
        // A fresh sign-in is unaffected: only that token was revoked.
        var fresh = await TokenEndpoint.SignInAsync(env.IdentityClient(), email, IdentityFixtures.Password);
        await (await env.CatalogueClient().WithToken(fresh).GetAsync("/api/catalogue/scenarios?status=Draft")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_reused_one_signs_out_its_whole_family()
    {
        var (_, email) = await OfficerAsync();
        var first = await (await TokenEndpoint.PasswordAsync(env.IdentityClient(), email, IdentityFixtures.Password)).Content.ReadFromJsonAsync<JsonElement>();
        var refresh1 = first.GetProperty("refresh_token").GetString()!;

        var second = await TokenEndpoint.RefreshAsync(env.IdentityClient(), refresh1);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var refresh2 = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(refresh1, refresh2);

        // The first token again: a replay. Refused, and the successor dies with it.
        var replay = await TokenEndpoint.RefreshAsync(env.IdentityClient(), refresh1);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        var problem = await replay.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_grant", problem.GetProperty("error").GetString());
        Assert.Equal("refresh-reused", problem.GetProperty("code").GetString());
        var successor = await TokenEndpoint.RefreshAsync(env.IdentityClient(), refresh2);
        Assert.Equal("refresh-invalid", (await successor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        // Revocation (RFC 7009) of a refresh token ends its family too.
        var third = await (await TokenEndpoint.PasswordAsync(env.IdentityClient(), email, IdentityFixtures.Password)).Content.ReadFromJsonAsync<JsonElement>();
        var refresh3 = third.GetProperty("refresh_token").GetString()!;
        await env.IdentityClient().PostAsync("/api/identity/connect/revocation", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = refresh3 }));
        Assert.Equal(HttpStatusCode.BadRequest, (await TokenEndpoint.RefreshAsync(env.IdentityClient(), refresh3)).StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_with_a_clear_message_until_an_administrator_unlocks_it()
    {
        var department = await env.CreateOrganisationAsync("Department");
        var (userId, email) = await env.AddMemberAsync(department, Roles.DepartmentOfficer, manager: true);
        JsonElement last = default;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await TokenEndpoint.PasswordAsync(env.IdentityClient(), email, "Wrong-password-1");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            last = await wrong.Content.ReadFromJsonAsync<JsonElement>();
            if (attempt == 4)
            {
                Assert.Contains("1 more failed attempt", last.GetProperty("error_description").GetString());
            }
        }
        Assert.Equal("account-locked", last.GetProperty("code").GetString());
        Assert.Contains("locked", last.GetProperty("error_description").GetString());
        Assert.Contains("Hong Kong time", last.GetProperty("detail").GetString());

        // The right password does not get through a lock; the message is given in Chinese to Chinese readers.
        var client = env.IdentityClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-HK"));
        var locked = await (await TokenEndpoint.PasswordAsync(client, email, IdentityFixtures.Password)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("account-locked", locked.GetProperty("code").GetString());
        Assert.Contains("鎖定", locked.GetProperty("error_description").GetString());

        await (await env.AdminClient().PostAsync($"/api/identity/users/{userId}/unlock", null)).ShouldBe(HttpStatusCode.NoContent);
        await TokenEndpoint.SignInAsync(env.IdentityClient(), email, IdentityFixtures.Password);
    }

    [Fact]
    public async Task An_organisations_own_system_uses_client_credentials_and_loses_access_when_the_client_is_revoked()
    {
        var (department, email) = await OfficerAsync();
        var manager = env.IdentityClient().WithToken(await TokenEndpoint.SignInAsync(env.IdentityClient(), email, IdentityFixtures.Password));
        var created = await manager.PostAsJsonAsync($"/api/identity/organisations/{department}/clients", new { name = "Traffic data pipeline" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        var clientId = client.GetProperty("client").GetProperty("clientId").GetString()!;
        var secret = client.GetProperty("clientSecret").GetString()!;
        var listed = await manager.GetStringAsync($"/api/identity/organisations/{department}/clients");
        Assert.DoesNotContain(secret, listed);

        var issued = await TokenEndpoint.ClientCredentialsAsync(env.IdentityClient(), clientId, secret);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(issued.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.False(body.TryGetProperty("refresh_token", out _));
        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal(clientId, token.GetClaim("client_id").Value);
        Assert.Equal(department.ToString(), token.GetClaim("org").Value);
        var draft = await ScenarioBuilder.CreateAsync(env.CatalogueClient().WithToken(token.EncodedToken));
        Assert.Equal(department, draft.GetProperty("department").GetProperty("id").GetGuid());

        var wrongSecret = await TokenEndpoint.ClientCredentialsAsync(env.IdentityClient(), clientId, secret + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal("invalid_client", (await wrongSecret.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        var id = client.GetProperty("client").GetProperty("id").GetGuid();
        await (await manager.DeleteAsync($"/api/identity/organisations/{department}/clients/{id}")).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenEndpoint.ClientCredentialsAsync(env.IdentityClient(), clientId, secret)).StatusCode);
        await Eventually.Until(() => env.CatalogueClient().WithToken(token.EncodedToken).GetAsync("/api/catalogue/scenarios?status=Draft"),
            r => r.StatusCode == HttpStatusCode.Unauthorized, what: "the revoked client's token to be refused by the catalogue");
    }

    [Fact]
    public async Task The_discovery_document_and_JWKS_work_with_the_standard_OpenID_Connect_configuration_manager()
    {
        var http = env.IdentityClient();
        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(http.BaseAddress!, "/api/identity/.well-known/openid-configuration").ToString(),
            new OpenIdConnectConfigurationRetriever(),
            new InternalAddressRetriever(http));
        var configuration = await manager.GetConfigurationAsync(CancellationToken.None);

        Assert.Equal(TestServers.Issuer, configuration.Issuer);
        Assert.EndsWith("/api/identity/connect/token", configuration.TokenEndpoint);
        Assert.Contains("client_credentials", configuration.GrantTypesSupported);
        Assert.Contains("authorization_code", configuration.GrantTypesSupported);
        Assert.EndsWith("/api/identity/connect/authorize", configuration.AuthorizationEndpoint);
        Assert.EndsWith("/api/identity/connect/endsession", configuration.EndSessionEndpoint);
        Assert.EndsWith("/api/identity/connect/userinfo", configuration.UserInfoEndpoint);
        Assert.Contains("S256", configuration.CodeChallengeMethodsSupported);
        Assert.Contains(configuration.SigningKeys, k => k.KeyId == Tokens.KeyId);

        var (_, email) = await OfficerAsync();
        var issued = await TokenEndpoint.SignInAsync(env.IdentityClient(), email, IdentityFixtures.Password);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(issued, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = TestServers.Audience,
            IssuerSigningKeys = configuration.SigningKeys,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task Rotating_the_signing_key_keeps_tokens_of_the_retired_key_valid()
    {
        var (_, email) = await OfficerAsync();
        var before = new JsonWebToken(await TokenEndpoint.SignInAsync(env.IdentityClient(), email, IdentityFixtures.Password));

        var rotated = await env.AdminClient().PostAsync("/api/identity/keys/rotate", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newKid = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keyId").GetString();
        Assert.NotEqual(before.Kid, newKid);

        var jwks = await env.IdentityClient().GetFromJsonAsync<JsonElement>("/api/identity/.well-known/jwks");
        var kids = jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Contains(before.Kid, kids);
        Assert.Contains(newKid, kids);
        Assert.All(jwks.GetProperty("keys").EnumerateArray(), k => Assert.False(k.TryGetProperty("d", out _)));

        // New tokens carry the new kid (after the store's reload); services fetch the JWKS again for it.
        var after = await Eventually.Until(
            async () => new JsonWebToken(await TokenEndpoint.SignInAsync(env.IdentityClient(), email, IdentityFixtures.Password)),
            t => t.Kid == newKid, what: "tokens signed with the new key");
        // The first request with an unknown kid makes JwtBearer fetch the JWKS again; a following one succeeds.
        await Eventually.Until(() => env.CatalogueClient().WithToken(after.EncodedToken).GetAsync("/api/catalogue/scenarios?status=Draft"),
            r => r.StatusCode == HttpStatusCode.OK, what: "the catalogue to learn the new key from the JWKS");
        await (await env.CatalogueClient().WithToken(before.EncodedToken).GetAsync("/api/catalogue/scenarios?status=Draft")).ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class IdentityTokenTests_Standalone(StandaloneEnvironment env) : IdentityTokenTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class IdentityTokenTests_Distributed(DistributedEnvironment env) : IdentityTokenTests(env), IClassFixture<DistributedEnvironment>;

/// <summary>
/// Reads every document the discovery names from the identity service's internal address, as the
/// services do: the document advertises the public origin, which does not resolve inside the test.
/// </summary>
internal sealed class InternalAddressRetriever(HttpClient http) : IDocumentRetriever
{
    public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
        http.GetStringAsync(new Uri(address).PathAndQuery, cancel);
}
