using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Testing;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Catalogue.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests;

/// <summary>The catalogue's scenario API, run once per runtime mode (see the two classes at the end).</summary>
public abstract class ScenarioApiTests(MarketplaceEnvironment env)
{
    private readonly Guid _department = Guid.NewGuid();

    private HttpClient Officer(Guid? department = null) => env.CatalogueClient().As(Roles.DepartmentOfficer, department ?? _department);

    [Fact]
    public async Task Creating_a_draft_assigns_it_to_the_officers_department_and_keeps_it_private()
    {
        var created = await ScenarioBuilder.CreateAsync(Officer());
        var id = created.GetProperty("id").GetGuid();

        Assert.Equal("Draft", created.GetProperty("status").GetString());
        Assert.Equal(_department, created.GetProperty("department").GetProperty("id").GetGuid());
        Assert.Equal("急症室輪候時間人工智能分流", created.GetProperty("titleZh").GetString());

        await (await env.CatalogueClient().GetAsync($"/api/catalogue/scenarios/{id}")).ShouldBe(HttpStatusCode.NotFound);
        await (await Officer(Guid.NewGuid()).GetAsync($"/api/catalogue/scenarios/{id}")).ShouldBe(HttpStatusCode.NotFound);
        await (await Officer().GetAsync($"/api/catalogue/scenarios/{id}")).ShouldBe(HttpStatusCode.OK);

        var drafts = await Officer().GetFromJsonAsync<JsonElement>("/api/catalogue/scenarios?status=Draft");
        Assert.Contains(drafts.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        var publicList = await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios?departmentId={_department}");
        Assert.Equal(0, publicList.GetProperty("totalCount").GetInt32());
        await (await env.CatalogueClient().GetAsync("/api/catalogue/scenarios?status=Draft")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Published_scenarios_are_listed_publicly_with_paging_and_filters()
    {
        var officer = Officer();
        var now = env.Clock.GetUtcNow();
        var drone = await ScenarioBuilder.CreatePublishedAsync(env, officer,
            ScenarioBuilder.ValidBody("Drone inspection of slopes", "Environment", "low-altitude-economy", "computer-vision", "edge-ai"));
        var triage = await ScenarioBuilder.CreatePublishedAsync(env, officer);
        await ScenarioBuilder.CreatePublishedAsync(env, officer,
            ScenarioBuilder.ValidBody("Bus arrival prediction", "Mobility", "transport", "forecasting"));
        await ScenarioBuilder.CreateAsync(officer); // a draft never shows publicly

        var anonymous = env.CatalogueClient();
        var all = await anonymous.GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios?departmentId={_department}&pageSize=2");
        Assert.Equal(3, all.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        Assert.Equal(2, all.GetProperty("totalPages").GetInt32());
        var second = await anonymous.GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios?departmentId={_department}&pageSize=2&page=2");
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());

        async Task<Guid[]> Ids(string filter) =>
            (await anonymous.GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios?departmentId={_department}&{filter}"))
                .GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToArray();

        Assert.Equal([drone.GetProperty("id").GetGuid()], await Ids("area=Environment"));
        Assert.Equal([drone.GetProperty("id").GetGuid()], await Ids("sector=low-altitude-economy"));
        Assert.Equal([drone.GetProperty("id").GetGuid()], await Ids("capability=edge-ai"));
        Assert.Equal([triage.GetProperty("id").GetGuid()], await Ids("sector=healthcare&capability=forecasting"));
        Assert.Equal(3, (await Ids("status=Published")).Length);
        Assert.Empty(await Ids("status=Cancelled"));

        var one = await anonymous.GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{triage.GetProperty("id").GetGuid()}");
        Assert.Equal("Published", one.GetProperty("status").GetString());
        Assert.Equal(now.AddDays(30).ToUnixTimeSeconds(), one.GetProperty("proposalDeadline").GetDateTimeOffset().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Invalid_input_answers_400_problem_details_naming_each_field_and_changes_nothing()
    {
        var body = ScenarioBuilder.ValidBody();
        body.Remove("titleEn");
        body["titleZh"] = "Only English here";
        body["area"] = "Moon";
        body["capabilities"] = new System.Text.Json.Nodes.JsonArray("forecasting", "telepathy");
        body["budgetMinHkd"] = 3000000;
        body["budgetMaxHkd"] = 1000000;
        body["pilotDurationMonths"] = 0;

        var response = await Officer().PostAsJsonAsync("/api/catalogue/scenarios", body);

        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors");
        Assert.Contains("'titleEn' is required.", errors.GetProperty("titleEn")[0].GetString());
        Assert.Contains("must be written in Chinese", errors.GetProperty("titleZh")[0].GetString());
        Assert.Contains("Mobility", errors.GetProperty("area")[0].GetString());
        Assert.Contains("telepathy", errors.GetProperty("capabilities[1]")[0].GetString());
        Assert.Contains("must not be less than", errors.GetProperty("budgetMaxHkd")[0].GetString());
        Assert.Contains("between 1 and 60", errors.GetProperty("pilotDurationMonths")[0].GetString());
        Assert.False(errors.TryGetProperty("problemEn", out _));

        Assert.Equal(0, await env.InCatalogueDbAsync(db => db.Scenarios.CountAsync(s => s.DepartmentId == _department)));
    }

    [Fact]
    public async Task Invalid_edits_and_publications_change_nothing()
    {
        var officer = Officer();
        var created = await ScenarioBuilder.CreateAsync(officer);
        var id = created.GetProperty("id").GetGuid();
        var body = ScenarioBuilder.ValidBody("A new title");
        body["sector"] = "astrology";

        await (await officer.PutAsJsonAsync($"/api/catalogue/scenarios/{id}", body)).ShouldBe(HttpStatusCode.BadRequest);
        await (await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/submit", new { })).ShouldBe(HttpStatusCode.BadRequest);
        await (await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/submit", new { batchId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.BadRequest);

        var after = await officer.GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}");
        Assert.Equal(created.GetProperty("titleEn").GetString(), after.GetProperty("titleEn").GetString());
        Assert.Equal("Draft", after.GetProperty("status").GetString());
        Assert.Equal(created.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(0, await env.InCatalogueDbAsync(db => db.OutboxMessages.CountAsync(m => m.Body.Contains(id.ToString()))));
    }

    [Fact]
    public async Task Malformed_json_answers_400_problem_details_without_internals()
    {
        using var content = new StringContent("""{"titleEn": "x", "budgetMinHkd": "lots"}""", Encoding.UTF8, "application/json");
        var response = await Officer().PostAsync("/api/catalogue/scenarios", content);

        await response.ShouldBe(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("budgetMinHkd", out _), text);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);

        using var garbage = new StringContent("not json at all", Encoding.UTF8, "application/json");
        var broken = await Officer().PostAsync("/api/catalogue/scenarios", garbage);
        await broken.ShouldBe(HttpStatusCode.BadRequest);
        var brokenProblem = await broken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The request body is not valid JSON.", brokenProblem.GetProperty("errors").GetProperty("$")[0].GetString());
    }

    [Fact]
    public async Task A_vendor_gets_403_when_creating_editing_submitting_or_cancelling()
    {
        var scenario = await ScenarioBuilder.CreateAsync(Officer());
        var id = scenario.GetProperty("id").GetGuid();
        var vendor = env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid());

        await (await vendor.PostAsJsonAsync("/api/catalogue/scenarios", ScenarioBuilder.ValidBody())).ShouldBe(HttpStatusCode.Forbidden);
        await (await vendor.PutAsJsonAsync($"/api/catalogue/scenarios/{id}", ScenarioBuilder.ValidBody("Hijacked"))).ShouldBe(HttpStatusCode.Forbidden);
        var submit = await vendor.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/submit", new { batchId = await ScenarioBuilder.CreateBatchAsync(env) });
        await submit.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("application/problem+json", submit.Content.Headers.ContentType?.MediaType);
        await (await vendor.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/cancel", new { reason = "no" })).ShouldBe(HttpStatusCode.Forbidden);

        var after = await Officer().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}");
        Assert.Equal("Draft", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_officer_of_another_department_gets_403_when_editing_submitting_or_cancelling()
    {
        var draft = await ScenarioBuilder.CreateAsync(Officer());
        var published = await ScenarioBuilder.CreatePublishedAsync(env, Officer());
        var stranger = Officer(Guid.NewGuid());

        var amend = await stranger.PostAsJsonAsync($"/api/catalogue/scenarios/{published.GetProperty("id").GetGuid()}/amend",
            new { scenario = ScenarioBuilder.ValidBody("Hijacked"), summaryEn = "Mine now", summaryZh = "歸我" });
        await amend.ShouldBe(HttpStatusCode.Forbidden);
        var problem = await amend.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("another department", problem.GetProperty("detail").GetString());
        await (await stranger.PutAsJsonAsync($"/api/catalogue/scenarios/{draft.GetProperty("id").GetGuid()}", ScenarioBuilder.ValidBody("Hijacked")))
            .ShouldBe(HttpStatusCode.NotFound);
        // A foreign draft is not even acknowledged; a public scenario is, but stays the department's.
        await (await stranger.PostAsJsonAsync($"/api/catalogue/scenarios/{draft.GetProperty("id").GetGuid()}/submit",
            new { batchId = await ScenarioBuilder.CreateBatchAsync(env) })).ShouldBe(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync($"/api/catalogue/scenarios/{published.GetProperty("id").GetGuid()}/cancel",
            new { reason = "not mine" })).ShouldBe(HttpStatusCode.Forbidden);

        var after = await Officer().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{draft.GetProperty("id").GetGuid()}");
        Assert.Equal("AI triage of A&E waiting times", after.GetProperty("titleEn").GetString());
        Assert.Equal("Draft", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Anonymous_and_forged_callers_get_401_problem_details()
    {
        var anonymous = await env.CatalogueClient().PostAsJsonAsync("/api/catalogue/scenarios", ScenarioBuilder.ValidBody());
        await anonymous.ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        var forged = env.CatalogueClient();
        var token = Tokens.For(Roles.DepartmentOfficer, _department);
        forged.DefaultRequestHeaders.Authorization = new("Bearer", token[..^4] + "AAAA");
        await (await forged.PostAsJsonAsync("/api/catalogue/scenarios", ScenarioBuilder.ValidBody())).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_batch_deadline_sooner_than_the_minimum_proposal_period_is_refused()
    {
        var admin = env.CatalogueClient().As(Roles.Admin, null);
        var tooSoon = await admin.PostAsJsonAsync("/api/catalogue/batches", new
        {
            year = 2031, number = 7, descriptionEn = "x", descriptionZh = "測試", proposalDeadline = env.Clock.GetUtcNow().AddDays(13),
        });

        await tooSoon.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await tooSoon.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("at least 14 days", problem.GetProperty("errors").GetProperty("proposalDeadline")[0].GetString());
        Assert.False(await env.InCatalogueDbAsync(db => db.Batches.AnyAsync(b => b.Year == 2031 && b.Number == 7)));
        var id = (await ScenarioBuilder.CreateAsync(Officer())).GetProperty("id").GetGuid();
        var published = await ScenarioBuilder.PublishAsync(env, Officer(), id, deadlineInDays: 15);
        Assert.Equal("Published", published.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_published_scenario_cannot_be_edited_or_submitted_again()
    {
        var officer = Officer();
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, officer)).GetProperty("id").GetGuid();

        var edit = await officer.PutAsJsonAsync($"/api/catalogue/scenarios/{id}", ScenarioBuilder.ValidBody("Changed"));
        await edit.ShouldBe(HttpStatusCode.Conflict);
        var problem = await edit.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("scenario-not-draft", problem.GetProperty("code").GetString());
        await (await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/submit",
            new { batchId = await ScenarioBuilder.CreateBatchAsync(env) })).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Problem_details_speak_Traditional_Chinese_when_asked()
    {
        var officer = Officer();
        officer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-HK");
        var body = ScenarioBuilder.ValidBody();
        body.Remove("titleEn");

        var response = await officer.PostAsJsonAsync("/api/catalogue/scenarios", body);

        await response.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("一個或多個欄位無效。", problem.GetProperty("title").GetString());
        Assert.Equal("「titleEn」為必填欄位。", problem.GetProperty("errors").GetProperty("titleEn")[0].GetString());
    }

    [Fact]
    public async Task Publishing_delivers_ScenarioPublished_to_matching_through_the_outbox()
    {
        var officer = Officer();
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, officer)).GetProperty("id").GetGuid();
        var vendor = env.MatchingClient().As(Roles.Vendor, Guid.NewGuid());

        var open = await Eventually.Until(
            () => vendor.GetFromJsonAsync<JsonElement>("/api/matching/open-scenarios?pageSize=100"),
            page => page.GetProperty("items").EnumerateArray().Any(s => s.GetProperty("scenarioId").GetGuid() == id),
            what: "matching to learn of the published scenario");

        var seen = open.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("scenarioId").GetGuid() == id);
        Assert.Equal("急症室輪候時間人工智能分流", seen.GetProperty("titleZh").GetString());
        Assert.Equal("healthcare", seen.GetProperty("sector").GetString());
        // The dispatcher marks the row after the bus accepted it, which may be just after matching consumed it.
        var outbox = await Eventually.Until(() => env.InCatalogueDbAsync(db => db.OutboxMessages
            .Where(m => m.Body.Contains(id.ToString()) && m.MessageType.Contains("ScenarioPublished")).ToListAsync()),
            rows => rows.Count != 1 || rows[0].DispatchedAt is not null, what: "the outbox row to be marked dispatched");
        var message = Assert.Single(outbox);
        Assert.NotNull(message.DispatchedAt);
        Assert.Equal("catalogue.ScenarioPublished", message.MessageType);
    }

    [Fact]
    public async Task Cancelling_a_scenario_removes_it_from_matchings_open_scenarios()
    {
        var officer = Officer();
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, officer)).GetProperty("id").GetGuid();
        var vendor = env.MatchingClient().As(Roles.Vendor, Guid.NewGuid());
        bool Listed(JsonElement page) => page.GetProperty("items").EnumerateArray().Any(s => s.GetProperty("scenarioId").GetGuid() == id);
        await Eventually.Until(() => vendor.GetFromJsonAsync<JsonElement>("/api/matching/open-scenarios?pageSize=100"), Listed);

        var closed = await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/cancel", new { reason = "Requirement withdrawn" });
        await closed.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Cancelled", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        await Eventually.Until(() => vendor.GetFromJsonAsync<JsonElement>("/api/matching/open-scenarios?pageSize=100"), page => !Listed(page),
            what: "matching to drop the closed scenario");
        await (await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/cancel", new { reason = "again" })).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Every_change_of_a_scenario_is_audited_with_who_when_and_what()
    {
        var subject = $"officer-{Guid.NewGuid():N}";
        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, _department, subject);
        var id = (await ScenarioBuilder.CreateAsync(officer)).GetProperty("id").GetGuid();
        await (await officer.PutAsJsonAsync($"/api/catalogue/scenarios/{id}", ScenarioBuilder.ValidBody("Bed-flow prediction"))).ShouldBe(HttpStatusCode.OK);
        await ScenarioBuilder.PublishAsync(env, officer, id);
        var admin = env.CatalogueClient().As(Roles.Admin, null);
        await (await admin.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/cancel", new { reason = "Duplicate of another scenario" })).ShouldBe(HttpStatusCode.OK);

        var history = await officer.GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}/history");

        var entries = history.GetProperty("items").EnumerateArray().ToList();
        // Created, edited, submitted (the officer); approved, published, cancelled (administrators): each transition by name.
        Assert.Equal(["Created", "Edited", "Submitted", "Approved", "Published", "Cancelled"], entries.Select(e => e.GetProperty("action").GetString()));
        // Lists of records read as text, not as a record's ToString().
        var kpis = entries[0].GetProperty("changes").GetProperty("Kpis").GetString()!;
        Assert.DoesNotContain("Kpi {", kpis, StringComparison.Ordinal);
        Assert.Contains("NameEn: ", kpis, StringComparison.Ordinal);
        Assert.All(entries.Take(3), e => Assert.Equal(subject, e.GetProperty("userId").GetString()));
        Assert.All(entries.Take(3), e => Assert.Equal(_department, e.GetProperty("organisationId").GetGuid()));
        var edit = entries[1].GetProperty("changes").GetProperty("TitleEn");
        Assert.Equal("AI triage of A&E waiting times", edit.GetProperty("from").GetString());
        Assert.Equal("Bed-flow prediction", edit.GetProperty("to").GetString());
        var submission = entries[2].GetProperty("changes").GetProperty("Status");
        Assert.Equal("Draft", submission.GetProperty("from").GetString());
        Assert.Equal("Submitted", submission.GetProperty("to").GetString());
        Assert.Equal("Published", entries[4].GetProperty("changes").GetProperty("Status").GetProperty("to").GetString());
        Assert.Equal("Cancelled", entries[5].GetProperty("changes").GetProperty("Status").GetProperty("to").GetString());
        Assert.NotEqual(subject, entries[5].GetProperty("userId").GetString());

        await (await admin.GetAsync($"/api/catalogue/scenarios/{id}/history")).ShouldBe(HttpStatusCode.OK);
        await (await Officer(Guid.NewGuid()).GetAsync($"/api/catalogue/scenarios/{id}/history")).ShouldBe(HttpStatusCode.Forbidden);
        await (await env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid()).GetAsync($"/api/catalogue/scenarios/{id}/history")).ShouldBe(HttpStatusCode.Forbidden);
        await (await env.CatalogueClient().GetAsync($"/api/catalogue/scenarios/{id}/history")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Two_officers_saving_the_same_draft_at_once_cannot_overwrite_each_other()
    {
        var id = (await ScenarioBuilder.CreateAsync(Officer())).GetProperty("id").GetGuid();
        await using var first = env.CatalogueServices.CreateAsyncScope();
        await using var second = env.CatalogueServices.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var b = second.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var mine = await a.Scenarios.SingleAsync(s => s.Id == id);
        var theirs = await b.Scenarios.SingleAsync(s => s.Id == id);
        var now = env.Clock.GetUtcNow();

        mine.Edit(mine.Details() with { TitleEn = "Mine" }, now);
        theirs.Edit(theirs.Details() with { TitleEn = "Theirs" }, now);
        await a.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
        var stored = await Officer().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}");
        Assert.Equal("Mine", stored.GetProperty("titleEn").GetString());
    }

    [Fact]
    public async Task An_unexpected_failure_answers_500_problem_details_without_internals()
    {
        await ScenarioBuilder.CreatePublishedAsync(env, Officer());
        // Simulate a broken database: the list query joins department names from this table.
        await env.InCatalogueDbAsync(db => db.Database.RenameTableAsync("departments", "departments_offline"));
        try
        {
            var response = await env.CatalogueClient().GetAsync($"/api/catalogue/scenarios?departmentId={_department}");

            await response.ShouldBe(HttpStatusCode.InternalServerError);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.Equal("An unexpected error occurred.", problem.GetProperty("title").GetString());
            Assert.True(problem.TryGetProperty("traceId", out _));
            Assert.DoesNotContain("departments", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }
        finally
        {
            await env.InCatalogueDbAsync(db => db.Database.RenameTableAsync("departments_offline", "departments"));
        }
    }

    [Fact]
    public async Task Every_model_change_has_its_migration_for_this_provider()
    {
        Assert.False(await env.InCatalogueDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            "The catalogue model changed without a migration: run scripts/add-migration.sh catalogue <Name>.");
        Assert.False(await env.InMatchingDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            "The matching model changed without a migration: run scripts/add-migration.sh matching <Name>.");
        Assert.False(await env.InIdentityDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            "The identity model changed without a migration: run scripts/add-migration.sh identity <Name>.");
    }

    [Fact]
    public async Task Health_reports_the_database_and_the_broker_and_OpenAPI_documents_the_endpoints()
    {
        var client = env.CatalogueClient();
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("catalogue-database", checks);
        Assert.Contains(checks, c => c!.Contains("masstransit", StringComparison.Ordinal));
        await (await client.GetAsync("/health/live")).ShouldBe(HttpStatusCode.OK);

        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/catalogue.json");
        var paths = openApi.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/catalogue/scenarios/{id}/submit", out _));
        Assert.True(paths.TryGetProperty("/api/catalogue/scenarios", out _));
        await (await client.GetAsync("/api-docs/index.html")).ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class ScenarioApiTests_Standalone(StandaloneEnvironment env) : ScenarioApiTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class ScenarioApiTests_Distributed(DistributedEnvironment env) : ScenarioApiTests(env), IClassFixture<DistributedEnvironment>;
