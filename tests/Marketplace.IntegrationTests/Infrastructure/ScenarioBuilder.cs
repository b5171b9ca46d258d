using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

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
    };

    public static async Task<JsonElement> CreateAsync(HttpClient officer, JsonObject? body = null)
    {
        var response = await officer.PostAsJsonAsync("/api/catalogue/scenarios", body ?? ValidBody());
        await response.ShouldBe(System.Net.HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> CreatePublishedAsync(HttpClient officer, DateTimeOffset now, JsonObject? body = null)
    {
        var created = await CreateAsync(officer, body);
        var id = created.GetProperty("id").GetGuid();
        var response = await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/publish", new { proposalDeadline = now.AddDays(30) });
        await response.ShouldBe(System.Net.HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
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
