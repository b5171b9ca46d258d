using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests;

/// <summary>Every endpoint of the running app states who may call it (a policy, roles, or anonymous).</summary>
public sealed class EndpointPolicyTests(StandaloneEnvironment env) : IClassFixture<StandaloneEnvironment>
{
    [Fact]
    public void Every_endpoint_declares_who_may_call_it()
    {
        var endpoints = env.CatalogueServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/catalogue/scenarios/{id:guid}/submit");

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0
                && e.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Count == 0)
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}")
            .ToList();

        Assert.True(undeclared.Count == 0, "Endpoints without a declared policy (closed by the fallback, but say so):\n" + string.Join('\n', undeclared));
    }

    [Fact]
    public void Every_api_endpoint_belongs_to_its_services_OpenAPI_document()
    {
        var endpoints = env.CatalogueServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true);

        Assert.All(endpoints, e =>
        {
            var service = e.RoutePattern.RawText!.Split('/')[2];
            Assert.Equal(service, e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointGroupNameMetadata>()?.EndpointGroupName);
        });
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("catalogue")]
    [InlineData("matching")]
    public async Task Each_services_OpenAPI_document_lists_its_outbox_operator_endpoints(string service)
    {
        var document = await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
        var paths = document.GetProperty("paths");

        Assert.True(paths.TryGetProperty($"/api/{service}/admin/outbox/dead-letters", out var list) && list.TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty($"/api/{service}/admin/outbox/{{messageId}}/requeue", out var requeue) && requeue.TryGetProperty("post", out _));
    }
}
