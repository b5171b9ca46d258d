using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;

namespace Marketplace.SystemTests;

/// <summary>The per-service hosts and the gateway as separate processes on PostgreSQL and RabbitMQ, deployed as documented.</summary>
public sealed class DistributedProcessTests
{
    [Fact]
    public async Task Services_migrate_with_the_explicit_step_and_exchange_events_over_RabbitMQ()
    {
        await using var catalogueDb = PostgresDatabase.Reserve("catalogue");
        await using var matchingDb = PostgresDatabase.Reserve("matching");
        await using var vhost = await RabbitVirtualHost.CreateAsync();
        Dictionary<string, string> Environment(string service, PostgresDatabase db) => new()
        {
            ["Database__Provider"] = "Postgres",
            [$"ConnectionStrings__{service}"] = db.ConnectionString,
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMqUri"] = vhost.Uri,
            ["Auth__SigningKey"] = TestServers.SigningKey,
            ["Auth__Issuer"] = TestServers.Issuer,
            ["Auth__Audience"] = TestServers.Audience,
        };
        var catalogueDll = HostProcess.Dll("services/catalogue/Marketplace.Catalogue.Host", "Marketplace.Catalogue.Host");
        var matchingDll = HostProcess.Dll("services/matching/Marketplace.Matching.Host", "Marketplace.Matching.Host");

        // Without the migration step, the service is not ready (its tables do not exist).
        var migrateCatalogue = await HostProcess.RunToEndAsync(catalogueDll, Environment("catalogue", catalogueDb), "--migrate");
        Assert.True(migrateCatalogue.ExitCode == 0, migrateCatalogue.Output);
        var migrateMatching = await HostProcess.RunToEndAsync(matchingDll, Environment("matching", matchingDb), "--migrate");
        Assert.True(migrateMatching.ExitCode == 0, migrateMatching.Output);

        await using var matching = await HostProcess.StartAsync(matchingDll, Environment("matching", matchingDb));
        await using var catalogue = await HostProcess.StartAsync(catalogueDll, Environment("catalogue", catalogueDb));
        // Everything below goes through the gateway, the single public entry.
        await using var gateway = await HostProcess.StartAsync(HostProcess.Dll("gateway/Marketplace.Gateway", "Marketplace.Gateway"), new Dictionary<string, string>
        {
            ["Gateway__Services__catalogue"] = catalogue.BaseAddress.ToString(),
            ["Gateway__Services__matching"] = matching.BaseAddress.ToString(),
            ["Auth__SigningKey"] = TestServers.SigningKey,
            ["Auth__Issuer"] = TestServers.Issuer,
            ["Auth__Audience"] = TestServers.Audience,
        });

        var officer = gateway.Client();
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(Roles.DepartmentOfficer, Guid.NewGuid()));
        var created = await officer.PostAsJsonAsync("/api/catalogue/scenarios", new
        {
            titleEn = "Franchised bus arrival prediction",
            titleZh = "專營巴士到站時間預測",
            problemEn = "Arrival estimates drift during incidents.",
            problemZh = "交通事故期間到站預測偏差很大。",
            expectedOutcomesEn = "Estimates within two minutes for 90% of arrivals.",
            expectedOutcomesZh = "九成班次的預測誤差不多於兩分鐘。",
            area = "Mobility",
            sector = "transport",
            capabilities = new[] { "forecasting" },
            budgetMinHkd = 800_000,
            budgetMaxHkd = 2_500_000,
            dataResidency = "HongKongOnly",
            pilotDurationMonths = 12,
            targetSchemes = new[] { "PSTS" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var correlationId = "system-test-" + Guid.NewGuid().ToString("N");
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/catalogue/scenarios/{id}/publish")
        {
            Content = JsonContent.Create(new { proposalDeadline = DateTimeOffset.UtcNow.AddDays(30) }),
        };
        publish.Headers.Add("X-Correlation-ID", correlationId);
        var published = await officer.SendAsync(publish);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(correlationId, published.Headers.GetValues("X-Correlation-ID").Single());

        var vendor = gateway.Client();
        vendor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(Roles.Vendor, Guid.NewGuid()));
        var open = await Eventually.Until(
            () => vendor.GetFromJsonAsync<JsonElement>("/api/matching/open-scenarios"),
            page => page.GetProperty("totalCount").GetInt32() == 1,
            what: "the published scenario to reach the matching process over RabbitMQ");
        Assert.Equal(id, open.GetProperty("items")[0].GetProperty("scenarioId").GetGuid());

        // The request's correlation id follows the event: the catalogue's publish log and the
        // matching consumer's log (structured JSON) both carry it.
        await Eventually.Until(() => Task.FromResult(matching.Output), o => o.Contains(correlationId, StringComparison.Ordinal),
            what: "the correlation id in the matching service's logs");
        Assert.Contains($"\"CorrelationId\":\"{correlationId}\"", catalogue.Output);

        foreach (var host in new[] { catalogue, matching, gateway })
        {
            var ready = await host.Client().GetFromJsonAsync<JsonElement>("/health/ready");
            Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        }
        var openApi = await gateway.Client().GetFromJsonAsync<JsonElement>("/openapi/matching.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/matching/open-scenarios", out _));
    }
}
