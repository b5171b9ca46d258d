using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Contracts.Funding;
using Marketplace.Contracts.Matching;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.IntegrationTests.Catalogue;

/// <summary>Batches, approval, amendments and the award lifecycle; run once per runtime mode.</summary>
public abstract class ScenarioLifecycleTests(MarketplaceEnvironment env)
{
    private readonly Guid _department = Guid.NewGuid();

    private HttpClient Officer() => env.CatalogueClient().As(Roles.DepartmentOfficer, _department);

    private HttpClient Admin() => env.CatalogueClient().As(Roles.Admin, null);

    [Fact]
    public async Task Publishing_a_batch_publishes_its_approved_scenarios_together_and_its_page_counts_them_by_area_and_sector()
    {
        var batch = await ScenarioBuilder.CreateBatchAsync(env, 40);
        var officer = Officer();
        var ids = new List<Guid>();
        foreach (var (title, area, sector) in new[] { ("Slope drones", "Environment", "low-altitude-economy"), ("Bus ETA", "Mobility", "transport"), ("Bed flow", "Living", "healthcare") })
        {
            var id = (await ScenarioBuilder.CreateAsync(officer, ScenarioBuilder.ValidBody(title, area, sector))).GetProperty("id").GetGuid();
            await (await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/submit", new { batchId = batch })).ShouldBe(HttpStatusCode.OK);
            ids.Add(id);
        }
        await (await Admin().PostAsync($"/api/catalogue/scenarios/{ids[0]}/approve", null)).ShouldBe(HttpStatusCode.OK);
        await (await Admin().PostAsync($"/api/catalogue/scenarios/{ids[1]}/approve", null)).ShouldBe(HttpStatusCode.OK);
        var returned = await Admin().PostAsJsonAsync($"/api/catalogue/scenarios/{ids[2]}/return", new { reason = "Name the data format" });
        await returned.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Draft", (await returned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        // Submitted scenarios are internal: the public and other departments do not see them.
        await (await env.CatalogueClient().GetAsync($"/api/catalogue/scenarios/{ids[0]}")).ShouldBe(HttpStatusCode.NotFound);
        var queue = await Admin().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios?status=Submitted&batchId={batch}");
        Assert.Equal(2, queue.GetProperty("totalCount").GetInt32());
        await (await env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid()).GetAsync("/api/catalogue/scenarios?status=Submitted")).ShouldBe(HttpStatusCode.Forbidden);

        var published = await Admin().PostAsync($"/api/catalogue/batches/{batch}/publish", null);
        await published.ShouldBe(HttpStatusCode.OK);
        var page = await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/batches/{batch}");
        Assert.Equal("Published", page.GetProperty("batch").GetProperty("status").GetString());
        Assert.Equal(2, page.GetProperty("batch").GetProperty("publicScenarioCount").GetInt32());
        Assert.Equal(["Environment", "Mobility"], page.GetProperty("byArea").EnumerateArray().Select(a => a.GetProperty("value").GetString()).Order());
        Assert.Equal(["low-altitude-economy", "transport"], page.GetProperty("bySector").EnumerateArray().Select(a => a.GetProperty("value").GetString()).Order());
        Assert.False(page.TryGetProperty("submitted", out var submitted) && submitted.ValueKind == JsonValueKind.Number);

        var one = await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{ids[0]}");
        Assert.Equal("Published", one.GetProperty("status").GetString());
        Assert.Equal(page.GetProperty("batch").GetProperty("code").GetString(), one.GetProperty("batch").GetProperty("code").GetString());
        Assert.Equal(page.GetProperty("batch").GetProperty("proposalDeadline").GetDateTimeOffset(), one.GetProperty("proposalDeadline").GetDateTimeOffset());
        var events = await env.InCatalogueDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.Contains("BatchPublished") && m.Body.Contains(batch.ToString())).CountAsync());
        Assert.Equal(1, events);

        // A published batch takes no more submissions and cannot be published again.
        var late = (await ScenarioBuilder.CreateAsync(officer)).GetProperty("id").GetGuid();
        var refused = await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{late}/submit", new { batchId = batch });
        await refused.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("batch-not-open", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await (await Admin().PostAsync($"/api/catalogue/batches/{batch}/publish", null)).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_amendment_is_recorded_announced_and_public_and_a_bad_one_names_its_fields()
    {
        var officer = Officer();
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, officer)).GetProperty("id").GetGuid();
        var body = ScenarioBuilder.ValidBody();
        body["budgetMaxHkd"] = 2500000;

        var bad = await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/amend", new { scenario = new { titleEn = "" }, summaryEn = "", summaryZh = "預算" });
        await bad.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("scenario.titleEn", out _));
        Assert.True(errors.TryGetProperty("summaryEn", out _));

        var amended = await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/amend",
            new { scenario = body, summaryEn = "Budget ceiling raised to HK$2.5M", summaryZh = "預算上限提高至二百五十萬港元" });
        await amended.ShouldBe(HttpStatusCode.OK);
        var scenario = await amended.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, scenario.GetProperty("amendmentCount").GetInt32());
        Assert.Equal(2500000m, scenario.GetProperty("budgetMaxHkd").GetDecimal());

        var amendments = await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}/amendments");
        var amendment = Assert.Single(amendments.EnumerateArray().ToList());
        Assert.Equal(["budgetMaxHkd"], amendment.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.False(amendment.GetProperty("extendedDeadline").GetBoolean());
        var announced = await env.InCatalogueDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.Contains("ScenarioAmended") && m.Body.Contains(id.ToString())).ToListAsync());
        Assert.Single(announced);

        var unchanged = await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/amend", new { scenario = body, summaryEn = "Again", summaryZh = "再次" });
        await unchanged.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("amendment-changes-nothing", (await unchanged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Award_delivery_and_completion_follow_the_events_of_matching_and_funding_once_each()
    {
        var officer = Officer();
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, officer)).GetProperty("id").GetGuid();
        var vendor = Guid.NewGuid();
        var project = Guid.NewGuid();
        var at = env.Clock.GetUtcNow().AddDays(31);
        var awarded = new ProjectAwarded(project, id, _department, vendor, Guid.NewGuid(), "Gradient-boosted waiting-time model", 1_800_000m, 12,
            [new TeamRole("Data scientist", "Senior", null)], at, at.AddDays(10));

        var messageId = Guid.NewGuid();
        await env.PublishAsync(awarded, messageId);
        await env.PublishAsync(awarded, messageId);
        var after = await Eventually.Until(() => env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}"),
            s => s.GetProperty("status").GetString() == "Awarded", what: "the award to reach the catalogue");
        Assert.Equal(vendor, after.GetProperty("awardedVendorId").GetGuid());
        Assert.NotNull(after.GetProperty("proposalsClosedAt").GetString());

        await env.PublishAsync(new AwardCancelled(project, id, "Standstill challenge upheld", at.AddDays(2)), Guid.NewGuid());
        await Eventually.Until(() => env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}"),
            s => s.GetProperty("status").GetString() == "ProposalsClosed", what: "the cancelled award to reach the catalogue");
        // Its standstill already over by the test's clock, so delivery may start.
        var second = awarded with { ProjectId = Guid.NewGuid(), AwardedAt = at.AddDays(5), StandstillEndsAt = env.Clock.GetUtcNow().AddMinutes(-1) };
        await env.PublishAsync(second, Guid.NewGuid());
        await Eventually.Until(() => env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}"),
            s => s.GetProperty("status").GetString() == "Awarded", what: "the second award");

        await (await officer.PostAsync($"/api/catalogue/scenarios/{id}/start-delivery", null)).ShouldBe(HttpStatusCode.OK);
        await env.PublishAsync(new ProjectCompleted(second.ProjectId, id, vendor, "Waiting times predicted within 12 minutes", "輪候時間預測誤差在十二分鐘內",
            [new KpiResult("Forecast error", "預測誤差", "≤ 15 minutes", "12 minutes")], at.AddDays(200)), Guid.NewGuid());
        var completed = await Eventually.Until(() => env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}"),
            s => s.GetProperty("status").GetString() == "Completed", what: "the completion to reach the catalogue");
        Assert.NotNull(completed.GetProperty("deliveryStartedAt").GetString());
        var cancel = await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/cancel", new { reason = "too late" });
        await cancel.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_project_completed_before_anyone_started_delivery_passes_through_delivery_to_completion_in_one_audited_step()
    {
        var officer = Officer();
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, officer)).GetProperty("id").GetGuid();
        var (vendor, project) = (Guid.NewGuid(), Guid.NewGuid());
        var at = env.Clock.GetUtcNow().AddDays(31);
        await env.PublishAsync(new ProjectAwarded(project, id, _department, vendor, Guid.NewGuid(), "Kerbside demand model", 900_000m, 6, [], at, at.AddDays(10)), Guid.NewGuid());
        await Eventually.Until(() => env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}"),
            s => s.GetProperty("status").GetString() == "Awarded", what: "the award to reach the catalogue");

        // Funding accepted the last milestone; the department never pressed "start delivery".
        var completedAt = at.AddDays(120);
        await env.PublishAsync(new ProjectCompleted(project, id, vendor, "Loading bays freed sooner", "上落貨位更快騰出",
            [new KpiResult("Bay turnover", "貨位周轉", "+10%", "+14%")], completedAt), Guid.NewGuid());

        var completed = await Eventually.Until(() => env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}"),
            s => s.GetProperty("status").GetString() == "Completed", what: "the completion to reach the catalogue");
        // Delivery is dated at the completion (stored to the millisecond on SQLite).
        Assert.Equal(completedAt.ToUnixTimeMilliseconds(), completed.GetProperty("deliveryStartedAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(1, await env.InCatalogueDbAsync(db => db.SuccessCases.CountAsync(c => c.ProjectId == project)));
        var actions = await env.InCatalogueDbAsync(db => db.AuditLog.Where(e => e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains("CompletedFromAwarded", actions);
        // Matching hears that delivery started, as after the officer's start.
        var started = await env.InCatalogueDbAsync(db => db.OutboxMessages.CountAsync(m => m.MessageType.Contains("ScenarioDeliveryStarted") && m.Body.Contains(project.ToString())));
        Assert.Equal(1, started);
        await (await officer.PostAsync($"/api/catalogue/scenarios/{id}/start-delivery", null)).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Declaring_a_scenario_unsuccessful_needs_its_proposals_closed()
    {
        var officer = Officer();
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, officer)).GetProperty("id").GetGuid();
        var refused = await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/unsuccessful", new { reason = "No suitable proposal" });
        await refused.ShouldBe(HttpStatusCode.Conflict);
        await (await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/unsuccessful", new { reason = "" })).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("Published", (await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Drafts_never_appear_in_public_search_and_amendments_are_searchable_at_once()
    {
        var officer = Officer();
        async Task<JsonElement> Search(string query) =>
            await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios?departmentId={_department}&{query}");
        var draft = await ScenarioBuilder.CreateAsync(officer, ScenarioBuilder.ValidBody("Zeppelin mooring forecasting"));
        Assert.Equal(0, (await Search("q=zeppelin")).GetProperty("totalCount").GetInt32());
        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/catalogue/scenarios?status=Draft&q=zeppelin");
        Assert.Equal(draft.GetProperty("id").GetGuid(), mine.GetProperty("items")[0].GetProperty("id").GetGuid());

        var id = (await ScenarioBuilder.PublishAsync(env, officer, draft.GetProperty("id").GetGuid())).GetProperty("id").GetGuid();
        Assert.Equal(1, (await Search("q=zeppelin")).GetProperty("totalCount").GetInt32());
        var body = ScenarioBuilder.ValidBody("Airship mooring forecasting");
        body["titleZh"] = "飛艇繫泊預測";
        await (await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/amend", new { scenario = body, summaryEn = "Renamed", summaryZh = "改名" }))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, (await Search("q=zeppelin")).GetProperty("totalCount").GetInt32());
        Assert.Equal(id, (await Search("q=" + Uri.EscapeDataString("飛艇"))).GetProperty("items")[0].GetProperty("id").GetGuid());
    }
}

public sealed class ScenarioLifecycleTests_Standalone(StandaloneEnvironment env) : ScenarioLifecycleTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class ScenarioLifecycleTests_Distributed(DistributedEnvironment env) : ScenarioLifecycleTests(env), IClassFixture<DistributedEnvironment>;
