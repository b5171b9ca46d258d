using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Funding;
using Marketplace.Contracts.Identity;
using Marketplace.Contracts.Matching;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;

namespace Marketplace.IntegrationTests.Matching;

/// <summary>Vendor profiles built from events and the recommendations served from them; run once per runtime mode.</summary>
public abstract class RecommendationTests(MarketplaceEnvironment env)
{
    private readonly Guid _department = Guid.NewGuid();

    private async Task<Guid> VendorAsync(string name, string size, string[] capabilities, string[] sectors, string summary)
    {
        var vendor = Guid.NewGuid();
        var now = env.Clock.GetUtcNow();
        await env.PublishAsync(new OrganisationRegistered(vendor, "Vendor", name, "供應商", "12345678", size, "Pending", now), Guid.NewGuid());
        await env.PublishAsync(new OrganisationApproved(vendor, "Vendor", now.AddMinutes(1)), Guid.NewGuid());
        await env.PublishAsync(new SolutionPublished(Guid.NewGuid(), vendor, name + " platform", "平台", summary, "方案摘要", capabilities, sectors, now), Guid.NewGuid());
        return vendor;
    }

    [Fact]
    public async Task A_department_sees_the_vendors_who_can_solve_its_scenario_with_reasons_and_a_vendor_its_scenarios()
    {
        var word = "glaucoma" + Guid.NewGuid().ToString("N")[..5];
        var startup = await VendorAsync("Retina Startup", "Startup", ["computer-vision", "forecasting"], ["healthcare"], $"Screening for {word} in clinics");
        var large = await VendorAsync("Big Systems", "Large", ["computer-vision"], ["finance"], "Core banking");
        var unrelated = await VendorAsync("Forklift Robots", "SME", ["robotics"], ["logistics"], "Warehouse robots");
        // A completed healthcare project of the large vendor, delivered twice (redelivery): counted once.
        var project = Guid.NewGuid();
        var awardId = Guid.NewGuid();
        var award = new ProjectAwarded(project, Guid.NewGuid(), Guid.NewGuid(), large, Guid.NewGuid(), "x", 1m, 1, [], env.Clock.GetUtcNow());
        await env.PublishAsync(award, awardId);
        await env.PublishAsync(award, awardId);
        await env.PublishAsync(new ProjectCompleted(project, award.ScenarioId, large, "done", "完成", [], env.Clock.GetUtcNow()), Guid.NewGuid());

        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, _department);
        var body = ScenarioBuilder.ValidBody($"Early {word} detection", "Living", "healthcare", "computer-vision", "forecasting");
        var scenario = (await ScenarioBuilder.CreatePublishedAsync(env, officer, body)).GetProperty("id").GetGuid();

        var matching = env.MatchingClient().As(Roles.DepartmentOfficer, _department);
        async Task<JsonElement> RecommendedAsync()
        {
            var response = await matching.GetAsync($"/api/matching/scenarios/{scenario}/recommended-vendors");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }
        var ranked = await Eventually.Until(RecommendedAsync,
            r => r.ValueKind == JsonValueKind.Array && r.EnumerateArray().Any(v => v.GetProperty("vendorId").GetGuid() == large)
                && r.EnumerateArray().Any(v => v.GetProperty("vendorId").GetGuid() == startup)
                && r.EnumerateArray().Single(v => v.GetProperty("vendorId").GetGuid() == large).GetProperty("reasons").EnumerateArray().Any(x => x.GetProperty("code").GetString() == "track-record"),
            what: "the vendors and the scenario to reach matching's read models");
        var list = ranked.EnumerateArray().ToList();
        Assert.Equal(startup, list[0].GetProperty("vendorId").GetGuid());
        Assert.DoesNotContain(list, v => v.GetProperty("vendorId").GetGuid() == unrelated);
        var reasons = list[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("en").GetString()).ToList();
        Assert.Contains("covers 2 of 2 required capabilities", reasons);
        Assert.Contains("startup", reasons);
        Assert.Contains(reasons, r => r!.Contains(word, StringComparison.Ordinal));
        var record = list.Single(v => v.GetProperty("vendorId").GetGuid() == large).GetProperty("reasons").EnumerateArray()
            .Single(r => r.GetProperty("code").GetString() == "track-record").GetProperty("en").GetString();
        Assert.Equal("1 award, 1 completed, 0 published success cases", record);

        // The same request again gives the same answer (deterministic, served from memory).
        Assert.Equal(ranked.ToString(), (await matching.GetFromJsonAsync<JsonElement>($"/api/matching/scenarios/{scenario}/recommended-vendors")).ToString());
        await (await env.MatchingClient().As(Roles.DepartmentOfficer, Guid.NewGuid()).GetAsync($"/api/matching/scenarios/{scenario}/recommended-vendors"))
            .ShouldBe(HttpStatusCode.Forbidden);
        await (await matching.GetAsync($"/api/matching/scenarios/{scenario}/recommended-vendors?top=0")).ShouldBe(HttpStatusCode.BadRequest);

        var forVendor = await env.MatchingClient().As(Roles.Vendor, startup).GetFromJsonAsync<JsonElement>("/api/matching/recommended-scenarios");
        var mine = forVendor.EnumerateArray().Single(s => s.GetProperty("scenarioId").GetGuid() == scenario);
        Assert.Equal(mine.GetProperty("reasons").EnumerateArray().Sum(r => r.GetProperty("points").GetInt32()), mine.GetProperty("score").GetInt32());
        Assert.Equal(mine.GetProperty("score").GetInt32() >= 70, mine.GetProperty("strong").GetBoolean());
        Assert.True(mine.GetProperty("score").GetInt32() >= 60, mine.ToString());
        Assert.DoesNotContain((await env.MatchingClient().As(Roles.Vendor, unrelated).GetFromJsonAsync<JsonElement>("/api/matching/recommended-scenarios")).EnumerateArray(),
            s => s.GetProperty("scenarioId").GetGuid() == scenario);
    }
}

public sealed class RecommendationTests_Standalone(StandaloneEnvironment env) : RecommendationTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class RecommendationTests_Distributed(DistributedEnvironment env) : RecommendationTests(env), IClassFixture<DistributedEnvironment>;
