using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;

namespace Marketplace.IntegrationTests;

/// <summary>A path no endpoint answers is 404 problem details to every caller; an existing endpoint still demands sign-in.</summary>
public abstract class UnmatchedRouteTests(MarketplaceEnvironment env)
{
    public static TheoryData<string, string> UnmatchedPaths => new()
    {
        { "GET", "/api/catalogue/no-such-resource" },
        { "POST", "/api/matching/no-such-resource" },
        { "GET", "/nowhere" },
        // Existing routes whose id fails the route constraint: no endpoint matches either.
        { "GET", "/api/catalogue/scenarios/not-a-guid/history" },
        { "POST", "/api/matching/proposals/42/submit" },
        { "GET", "/api/identity/organisations/not-a-guid/members" },
    };

    [Theory]
    [MemberData(nameof(UnmatchedPaths))]
    public async Task An_unknown_path_or_malformed_id_answers_404_problem_details_to_anonymous_callers(string method, string path)
    {
        foreach (var client in Clients(path))
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(404, problem.GetProperty("status").GetInt32());
            Assert.Equal("Not found.", problem.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task Signed_in_callers_and_callers_with_a_broken_token_get_404_for_an_unknown_path_too()
    {
        var signedIn = env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid());
        var broken = env.CatalogueClient();
        broken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        broken.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-HK");

        await (await signedIn.GetAsync("/api/catalogue/no-such-resource")).ShouldBe(HttpStatusCode.NotFound);
        using var response = await broken.GetAsync("/api/catalogue/no-such-resource");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("找不到資源。", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_existing_endpoint_that_needs_a_signed_in_user_still_answers_401_to_an_anonymous_caller()
    {
        await (await env.CatalogueClient().GetAsync("/api/catalogue/notifications")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await env.CatalogueClient().GetAsync($"/api/catalogue/scenarios/{Guid.NewGuid()}/history")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await env.MatchingClient().GetAsync("/api/matching/proposals/mine")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private IEnumerable<HttpClient> Clients(string path) =>
        path.StartsWith("/api/matching", StringComparison.Ordinal) ? [env.MatchingClient()]
        : path.StartsWith("/api/identity", StringComparison.Ordinal) ? [env.IdentityClient()]
        : path.StartsWith("/api/catalogue", StringComparison.Ordinal) ? [env.CatalogueClient()]
        : [env.CatalogueClient(), env.MatchingClient(), env.IdentityClient()];
}

public sealed class UnmatchedRouteTests_Standalone(StandaloneEnvironment env) : UnmatchedRouteTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class UnmatchedRouteTests_Distributed(DistributedEnvironment env) : UnmatchedRouteTests(env), IClassFixture<DistributedEnvironment>;
