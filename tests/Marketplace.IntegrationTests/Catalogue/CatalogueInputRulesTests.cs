using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.IntegrationTests.Catalogue;

/// <summary>Changes are validated like creations, and references and ranges are checked; run once per runtime mode.</summary>
public abstract class CatalogueInputRulesTests(MarketplaceEnvironment env)
{
    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        await response.ShouldBe(HttpStatusCode.BadRequest);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task Changing_a_batch_is_validated_like_creating_one_and_its_code_cannot_change()
    {
        var admin = env.CatalogueClient().As(Roles.Admin, null);
        var id = await ScenarioBuilder.CreateBatchAsync(env);
        var batch = (await admin.GetFromJsonAsync<JsonElement>($"/api/catalogue/batches/{id}")).GetProperty("batch");
        var (year, number) = (batch.GetProperty("year").GetInt32(), batch.GetProperty("number").GetInt32());
        var deadline = env.Clock.GetUtcNow().AddDays(40);

        var invalid = await ErrorsAsync(await admin.PutAsJsonAsync($"/api/catalogue/batches/{id}",
            new { year = 1999, number = 0, descriptionEn = "", descriptionZh = "", proposalDeadline = deadline }));
        foreach (var field in new[] { "year", "number", "descriptionEn", "descriptionZh" })
        {
            Assert.True(invalid.TryGetProperty(field, out _), field);
        }
        var recoded = await ErrorsAsync(await admin.PutAsJsonAsync($"/api/catalogue/batches/{id}",
            new { year, number = number % 99 + 1, descriptionEn = "Renamed", descriptionZh = "改名", proposalDeadline = deadline }));
        Assert.True(recoded.TryGetProperty("number", out _));
        var unchanged = (await admin.GetFromJsonAsync<JsonElement>($"/api/catalogue/batches/{id}")).GetProperty("batch");
        Assert.Equal((number, batch.GetProperty("descriptionEn").GetString()), (unchanged.GetProperty("number").GetInt32(), unchanged.GetProperty("descriptionEn").GetString()));

        var changed = await admin.PutAsJsonAsync($"/api/catalogue/batches/{id}",
            new { year, number, descriptionEn = "Renamed", descriptionZh = "改名", proposalDeadline = deadline });
        await changed.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Renamed", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("descriptionEn").GetString());
    }

    [Fact]
    public async Task A_saved_search_whose_budget_minimum_is_above_its_maximum_is_refused()
    {
        var vendor = env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid(), $"vendor-{Guid.NewGuid():N}");
        var errors = await ErrorsAsync(await vendor.PostAsJsonAsync("/api/catalogue/saved-searches",
            new { name = "Upside down", frequency = "Instant", budgetMin = 500_000m, budgetMax = 100_000m }));
        Assert.True(errors.TryGetProperty("budgetMax", out _));
        Assert.Equal(0, (await vendor.GetFromJsonAsync<JsonElement>("/api/catalogue/saved-searches")).GetArrayLength());
    }

    [Fact]
    public async Task Unmuting_a_scenario_the_caller_cannot_see_answers_404_like_muting_it()
    {
        var department = Guid.NewGuid();
        var draft = (await ScenarioBuilder.CreateAsync(env.CatalogueClient().As(Roles.DepartmentOfficer, department))).GetProperty("id").GetGuid();
        var vendor = env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid(), $"vendor-{Guid.NewGuid():N}");

        foreach (var scenario in new[] { draft, Guid.NewGuid() })
        {
            await (await vendor.PostAsync($"/api/catalogue/scenarios/{scenario}/mute", null)).ShouldBe(HttpStatusCode.NotFound);
            await (await vendor.DeleteAsync($"/api/catalogue/scenarios/{scenario}/mute")).ShouldBe(HttpStatusCode.NotFound);
        }
        var published = (await ScenarioBuilder.CreatePublishedAsync(env, env.CatalogueClient().As(Roles.DepartmentOfficer, department))).GetProperty("id").GetGuid();
        await (await vendor.PostAsync($"/api/catalogue/scenarios/{published}/mute", null)).ShouldBe(HttpStatusCode.NoContent);
        await (await vendor.DeleteAsync($"/api/catalogue/scenarios/{published}/mute")).ShouldBe(HttpStatusCode.NoContent);
        Assert.False(await env.InCatalogueDbAsync(db => db.ScenarioMutes.AnyAsync(m => m.ScenarioId == published)));
    }
}

public sealed class CatalogueInputRulesTests_Standalone(StandaloneEnvironment env) : CatalogueInputRulesTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class CatalogueInputRulesTests_Distributed(DistributedEnvironment env) : CatalogueInputRulesTests(env), IClassFixture<DistributedEnvironment>;
