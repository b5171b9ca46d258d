using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;

namespace Marketplace.IntegrationTests.Infrastructure;

/// <summary>Valid scenario bodies, and the calls that create and publish them.</summary>
public static class ScenarioBuilder
{
    public static JsonObject ValidBody(string titleEn = "AI triage of A&E waiting times", string area = "Living", string sector = "healthcare",
        params string[] capabilities) => new()
    {
        ["titleEn"] = titleEn,
        ["titleZh"] = "急症室輪候時間人工智能分流",
        ["problemEn"] = "Waiting times at accident and emergency departments swing widely during winter surges.",
        ["problemZh"] = "冬季高峰期間，急症室的輪候時間波動很大。",
        ["expectedOutcomesEn"] = "Forecast waiting times within 15 minutes for 80% of patients.",
        ["expectedOutcomesZh"] = "為八成病人預測輪候時間，誤差不多於十五分鐘。",
        ["area"] = area,
        ["sector"] = sector,
        ["capabilities"] = new JsonArray((capabilities.Length == 0 ? ["forecasting"] : capabilities).Select(c => (JsonNode?)c).ToArray()),
        ["budgetMinHkd"] = 500000,
        ["budgetMaxHkd"] = 2000000,
        ["dataResidency"] = "HongKongOnly",
        ["pilotDurationMonths"] = 12,
        ["targetSchemes"] = new JsonArray("PSTS"),
        ["kpis"] = new JsonArray(new JsonObject { ["nameEn"] = "Forecast error", ["nameZh"] = "預測誤差", ["target"] = "≤ 15 minutes for 80% of patients" }),
        ["dataDescriptionEn"] = "Three years of anonymised attendance records by triage category and hour.",
        ["dataDescriptionZh"] = "按分流類別及時段劃分、已匿名處理的三年求診記錄。",
        ["dataFormat"] = "CSV exports",
        ["aiRiskTier"] = "Medium",
        ["contactName"] = "Ms Chan, Senior Systems Manager",
        ["contactEmail"] = "ai-scenarios@example.gov.hk",
    };

    public static async Task<JsonElement> CreateAsync(HttpClient officer, JsonObject? body = null)
    {
        var response = await officer.PostAsJsonAsync("/api/catalogue/scenarios", body ?? ValidBody());
        await response.ShouldBe(System.Net.HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Creates a draft and publishes it the way the marketplace does: in a batch of its own, approved and published by an administrator, deadline in 30 days.</summary>
    public static async Task<JsonElement> CreatePublishedAsync(MarketplaceEnvironment env, HttpClient officer, JsonObject? body = null)
    {
        var created = await CreateAsync(officer, body);
        return await PublishAsync(env, officer, created.GetProperty("id").GetGuid());
    }

    public static async Task<JsonElement> PublishAsync(MarketplaceEnvironment env, HttpClient officer, Guid id, int deadlineInDays = 30)
    {
        var admin = env.CatalogueClient().As(Roles.Admin, null);
        var batch = await CreateBatchAsync(env, deadlineInDays);
        await (await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/submit", new { batchId = batch })).ShouldBe(System.Net.HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/catalogue/scenarios/{id}/approve", null)).ShouldBe(System.Net.HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/catalogue/batches/{batch}/publish", null)).ShouldBe(System.Net.HttpStatusCode.OK);
        return await officer.GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}");
    }

    /// <summary>An open batch with an unused number; tests share an environment, so the number is random.</summary>
    public static async Task<Guid> CreateBatchAsync(MarketplaceEnvironment env, int deadlineInDays = 30)
    {
        var admin = env.CatalogueClient().As(Roles.Admin, null);
        while (true)
        {
            var response = await admin.PostAsJsonAsync("/api/catalogue/batches", new
            {
                year = Random.Shared.Next(2030, 2100),
                number = Random.Shared.Next(1, 100),
                descriptionEn = "Scenarios for the tests.",
                descriptionZh = "測試用的情境。",
                proposalDeadline = env.Clock.GetUtcNow().AddDays(deadlineInDays),
            });
            if (response.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                continue;
            }
            await response.ShouldBe(System.Net.HttpStatusCode.Created);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }

    /// <summary>Asserts a status and shows the body when it differs (problem details say why).</summary>
    public static async Task ShouldBe(this HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }
}
