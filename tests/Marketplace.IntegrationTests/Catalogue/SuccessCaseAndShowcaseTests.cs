using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Contracts.Funding;
using Marketplace.Contracts.Identity;
using Marketplace.Contracts.Matching;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.IntegrationTests.Catalogue;

/// <summary>Success cases (drafted on completion, approved by both parties, replication interest) and the vendor showcase; run once per runtime mode.</summary>
public abstract class SuccessCaseAndShowcaseTests(MarketplaceEnvironment env)
{
    private readonly Guid _department = Guid.NewGuid();
    private readonly Guid _vendor = Guid.NewGuid();

    private HttpClient Officer() => env.CatalogueClient().As(Roles.DepartmentOfficer, _department);

    private HttpClient Vendor() => env.CatalogueClient().As(Roles.Vendor, _vendor);

    private async Task<Guid> CompletedProjectCaseAsync()
    {
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, Officer())).GetProperty("id").GetGuid();
        var project = Guid.NewGuid();
        var at = env.Clock.GetUtcNow().AddDays(31);
        await env.PublishAsync(new ProjectAwarded(project, id, _department, _vendor, Guid.NewGuid(), "Model", 1_000_000m, 12, [], at, at.AddDays(10)), Guid.NewGuid());
        var completed = new ProjectCompleted(project, id, _vendor, "Waiting times forecast within 12 minutes.", "輪候時間預測誤差在十二分鐘內。",
            [new KpiResult("Forecast error", "預測誤差", "≤ 15 minutes", "12 minutes")], at.AddDays(200));
        var messageId = Guid.NewGuid();
        await env.PublishAsync(completed, messageId);
        await env.PublishAsync(completed, messageId);
        var mine = await Eventually.Until(() => Officer().GetFromJsonAsync<JsonElement>("/api/catalogue/success-cases?mine=true"),
            page => page.GetProperty("items").EnumerateArray().Any(c => c.GetProperty("scenarioId").GetGuid() == id), what: "the drafted success case");
        return mine.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("scenarioId").GetGuid() == id).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_completed_project_drafts_a_success_case_that_both_parties_approve_before_it_is_public()
    {
        var id = await CompletedProjectCaseAsync();
        var draft = await Officer().GetFromJsonAsync<JsonElement>($"/api/catalogue/success-cases/{id}");
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("12 minutes", draft.GetProperty("kpis")[0].GetProperty("achieved").GetString());
        Assert.Equal("輪候時間預測誤差在十二分鐘內。", draft.GetProperty("outcomesZh").GetString());
        Assert.Equal(1, await env.InCatalogueDbAsync(db => db.SuccessCases.CountAsync(c => c.Id == id)));
        await (await env.CatalogueClient().GetAsync($"/api/catalogue/success-cases/{id}")).ShouldBe(HttpStatusCode.NotFound);
        await (await env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid()).PostAsync($"/api/catalogue/success-cases/{id}/approve", null)).ShouldBe(HttpStatusCode.NotFound);

        await (await Officer().PostAsync($"/api/catalogue/success-cases/{id}/approve", null)).ShouldBe(HttpStatusCode.OK);
        // An edit withdraws the approval already given.
        var edit = await Officer().PutAsJsonAsync($"/api/catalogue/success-cases/{id}", new
        {
            titleEn = "A&E waiting times forecast within 12 minutes", titleZh = "急症室輪候時間預測準確至十二分鐘", summaryEn = "Summary", summaryZh = "摘要",
            outcomesEn = "Outcomes", outcomesZh = "成果", area = "Living", sector = "healthcare", capabilities = new[] { "forecasting" },
            kpis = new[] { new { nameEn = "Forecast error", nameZh = "預測誤差", target = "≤ 15 minutes", achieved = "12 minutes" } },
        });
        await edit.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, (await edit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("departmentApprovedAt").ValueKind);
        await (await Vendor().PutAsJsonAsync($"/api/catalogue/success-cases/{id}", new { titleEn = "x" })).ShouldBe(HttpStatusCode.Forbidden);

        await (await Vendor().PostAsync($"/api/catalogue/success-cases/{id}/approve", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Draft", (await Officer().GetFromJsonAsync<JsonElement>($"/api/catalogue/success-cases/{id}")).GetProperty("status").GetString());
        var published = await Officer().PostAsync($"/api/catalogue/success-cases/{id}/approve", null);
        await published.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Published", (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var browse = await env.CatalogueClient().GetFromJsonAsync<JsonElement>("/api/catalogue/success-cases?sector=healthcare&area=Living&pageSize=100");
        Assert.Contains(browse.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        var byText = await env.CatalogueClient().GetFromJsonAsync<JsonElement>("/api/catalogue/success-cases?q=" + Uri.EscapeDataString("十二分鐘"));
        Assert.Contains(byText.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain((await env.CatalogueClient().GetFromJsonAsync<JsonElement>("/api/catalogue/success-cases?sector=transport&pageSize=100"))
            .GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(1, await env.InCatalogueDbAsync(db => db.OutboxMessages.CountAsync(m => m.MessageType.Contains("SuccessCasePublished") && m.Body.Contains(id.ToString()))));
        await (await Officer().PostAsync($"/api/catalogue/success-cases/{id}/approve", null)).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Chamber_members_register_interest_to_replicate_which_the_department_and_vendor_see_as_demand()
    {
        var id = await CompletedProjectCaseAsync();
        var chamber = Guid.NewGuid();
        var member = env.CatalogueClient().As(Roles.ChamberMember, chamber);
        await (await member.PostAsJsonAsync($"/api/catalogue/success-cases/{id}/interests", new { sector = "healthcare", note = "Clinic group" })).ShouldBe(HttpStatusCode.NotFound);
        await (await Officer().PostAsync($"/api/catalogue/success-cases/{id}/approve", null)).ShouldBe(HttpStatusCode.OK);
        await (await Vendor().PostAsync($"/api/catalogue/success-cases/{id}/approve", null)).ShouldBe(HttpStatusCode.OK);

        var bad = await member.PostAsJsonAsync($"/api/catalogue/success-cases/{id}/interests", new { sector = "astrology", note = "" });
        await bad.ShouldBe(HttpStatusCode.BadRequest);
        await (await Vendor().PostAsJsonAsync($"/api/catalogue/success-cases/{id}/interests", new { sector = "healthcare", note = "x" })).ShouldBe(HttpStatusCode.Forbidden);
        var registered = await member.PostAsJsonAsync($"/api/catalogue/success-cases/{id}/interests",
            new { sector = "healthcare", note = "A private clinic group with 14 clinics wants the same waiting-time forecasts." });
        await registered.ShouldBe(HttpStatusCode.Created);

        foreach (var party in new[] { Officer(), Vendor(), env.CatalogueClient().As(Roles.Admin, null) })
        {
            var interests = await party.GetFromJsonAsync<JsonElement>($"/api/catalogue/success-cases/{id}/interests");
            var interest = Assert.Single(interests.EnumerateArray().ToList());
            Assert.Equal(chamber, interest.GetProperty("organisation").GetProperty("id").GetGuid());
        }
        await (await env.CatalogueClient().As(Roles.DepartmentOfficer, Guid.NewGuid()).GetAsync($"/api/catalogue/success-cases/{id}/interests")).ShouldBe(HttpStatusCode.Forbidden);
        await (await env.CatalogueClient().GetAsync($"/api/catalogue/success-cases/{id}/interests")).ShouldBe(HttpStatusCode.Unauthorized);
        var events = await env.InCatalogueDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.Contains("ReplicationInterestRegistered") && m.Body.Contains(id.ToString())).ToListAsync());
        Assert.Contains(_department.ToString(), Assert.Single(events).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chamber_member_sees_its_own_organisations_interest_in_a_case_and_no_one_elses()
    {
        var id = await CompletedProjectCaseAsync();
        await (await Officer().PostAsync($"/api/catalogue/success-cases/{id}/approve", null)).ShouldBe(HttpStatusCode.OK);
        var member = env.CatalogueClient().As(Roles.ChamberMember, Guid.NewGuid());
        var other = env.CatalogueClient().As(Roles.ChamberMember, Guid.NewGuid());
        await (await member.GetAsync($"/api/catalogue/success-cases/{id}/interests")).ShouldBe(HttpStatusCode.NotFound);
        await (await Vendor().PostAsync($"/api/catalogue/success-cases/{id}/approve", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Empty((await member.GetFromJsonAsync<JsonElement>($"/api/catalogue/success-cases/{id}/interests")).EnumerateArray());

        await (await member.PostAsJsonAsync($"/api/catalogue/success-cases/{id}/interests", new { sector = "healthcare", note = "Fourteen clinics." })).ShouldBe(HttpStatusCode.Created);
        await (await other.PostAsJsonAsync($"/api/catalogue/success-cases/{id}/interests", new { sector = "transport", note = "A bus operator." })).ShouldBe(HttpStatusCode.Created);

        var own = Assert.Single((await member.GetFromJsonAsync<JsonElement>($"/api/catalogue/success-cases/{id}/interests")).EnumerateArray().ToList());
        Assert.Equal("healthcare", own.GetProperty("sector").GetString());
        Assert.Equal("transport", Assert.Single((await other.GetFromJsonAsync<JsonElement>($"/api/catalogue/success-cases/{id}/interests")).EnumerateArray().ToList())
            .GetProperty("sector").GetString());
        Assert.Equal(2, (await Officer().GetFromJsonAsync<JsonElement>($"/api/catalogue/success-cases/{id}/interests")).GetArrayLength());
    }

    private async Task KnownOrganisationAsync(Guid id, OrganisationType type, OrganisationStatus status)
    {
        var messageId = Guid.NewGuid();
        await env.PublishAsync(new OrganisationRegistered(id, type, $"{type} {id:N}", "機構", null, null, status, env.Clock.GetUtcNow()), messageId);
        await Eventually.Until(() => env.InCatalogueDbAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId)), k => k,
            what: "the catalogue to learn of the organisation");
    }

    [Fact]
    public async Task A_success_case_names_only_an_approved_vendor_and_an_edit_cannot_swap_it()
    {
        var department = Guid.NewGuid();
        var pending = Guid.NewGuid();
        await KnownOrganisationAsync(_vendor, OrganisationType.Vendor, OrganisationStatus.Approved);
        await KnownOrganisationAsync(department, OrganisationType.Department, OrganisationStatus.Approved);
        await KnownOrganisationAsync(pending, OrganisationType.Vendor, OrganisationStatus.Pending);
        object Body(Guid vendor) => new
        {
            vendorOrganisationId = vendor, titleEn = "Tenancy enquiry assistant", titleZh = "租務查詢助理", summaryEn = "A 2024 pilot.", summaryZh = "二零二四年試驗。",
            outcomesEn = "40% fewer calls.", outcomesZh = "來電減少四成。", area = "Government", sector = "housing", capabilities = new[] { "nlp" },
            kpis = Array.Empty<object>(),
        };
        var before = await env.InCatalogueDbAsync(db => db.SuccessCases.CountAsync());
        foreach (var wrong in new[] { Guid.Empty, department, pending, Guid.NewGuid() })
        {
            var refused = await Officer().PostAsJsonAsync("/api/catalogue/success-cases", Body(wrong));
            await refused.ShouldBe(HttpStatusCode.BadRequest);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("vendorOrganisationId", out _), wrong.ToString());
        }
        Assert.Equal(before, await env.InCatalogueDbAsync(db => db.SuccessCases.CountAsync()));

        var created = await Officer().PostAsJsonAsync("/api/catalogue/success-cases", Body(_vendor));
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var swapped = await Officer().PutAsJsonAsync($"/api/catalogue/success-cases/{id}", Body(department));
        await swapped.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await swapped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("vendorOrganisationId", out _));
        Assert.Equal(_vendor, (await env.InCatalogueDbAsync(db => db.SuccessCases.SingleAsync(c => c.Id == id))).VendorOrganisationId);
        await (await Officer().PutAsJsonAsync($"/api/catalogue/success-cases/{id}", Body(_vendor))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_department_drafts_a_case_for_an_earlier_project_by_hand_naming_its_fields_when_wrong()
    {
        await KnownOrganisationAsync(_vendor, OrganisationType.Vendor, OrganisationStatus.Approved);
        var bad = await Officer().PostAsJsonAsync("/api/catalogue/success-cases", new { titleEn = "Only English", titleZh = "English only", area = "Mars", sector = "healthcare" });
        await bad.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "titleZh", "area", "summaryEn", "vendorOrganisationId" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        var created = await Officer().PostAsJsonAsync("/api/catalogue/success-cases", new
        {
            vendorOrganisationId = _vendor, titleEn = "Tenancy enquiry assistant", titleZh = "租務查詢助理", summaryEn = "A 2024 pilot.", summaryZh = "二零二四年試驗。",
            outcomesEn = "40% fewer calls.", outcomesZh = "來電減少四成。", area = "Government", sector = "housing", capabilities = new[] { "nlp" },
            kpis = Array.Empty<object>(),
        });
        await created.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("scenarioId").ValueKind);
        Assert.Equal(_vendor, body.GetProperty("vendor").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Vendors_publish_solutions_to_a_public_showcase_that_others_cannot_change()
    {
        var body = new
        {
            nameEn = "HarbourEye Surface Inspection", nameZh = "港光表面檢測", summaryEn = "Edge AI finds surface defects.", summaryZh = "邊緣人工智能找出表面缺陷。",
            descriptionEn = "A camera tunnel with edge models.", descriptionZh = "配備邊緣模型的鏡頭通道。", capabilities = new[] { "computer-vision", "edge-ai" },
            sectors = new[] { "manufacturing" },
            deploymentReferences = new[] { new { clientEn = "A precast yard", clientZh = "一個預製件廠", year = 2025, descriptionEn = "Inspects slabs.", descriptionZh = "檢測樓板。" } },
        };
        var bad = await Vendor().PostAsJsonAsync("/api/catalogue/solutions", new { nameEn = "x", capabilities = new[] { "telepathy" } });
        await bad.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("capabilities[0]", out _));

        var created = await Vendor().PostAsJsonAsync("/api/catalogue/solutions", body);
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await (await env.CatalogueClient().GetAsync($"/api/catalogue/solutions/{id}")).ShouldBe(HttpStatusCode.NotFound);
        await (await env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid()).PostAsync($"/api/catalogue/solutions/{id}/publish", null)).ShouldBe(HttpStatusCode.NotFound);
        await (await Officer().PostAsJsonAsync("/api/catalogue/solutions", body)).ShouldBe(HttpStatusCode.Forbidden);

        await (await Vendor().PostAsync($"/api/catalogue/solutions/{id}/publish", null)).ShouldBe(HttpStatusCode.OK);
        var showcase = await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/solutions?capability=edge-ai&vendorId={_vendor}");
        var listed = Assert.Single(showcase.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal("一個預製件廠", listed.GetProperty("deploymentReferences")[0].GetProperty("clientZh").GetString());
        await (await env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid()).PutAsJsonAsync($"/api/catalogue/solutions/{id}", body)).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(1, await env.InCatalogueDbAsync(db => db.OutboxMessages.CountAsync(m => m.MessageType.Contains("SolutionPublished") && m.Body.Contains(id.ToString()))));

        await (await Vendor().PostAsync($"/api/catalogue/solutions/{id}/withdraw", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, (await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/solutions?vendorId={_vendor}")).GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await Vendor().GetFromJsonAsync<JsonElement>("/api/catalogue/solutions?mine=true")).GetProperty("totalCount").GetInt32());
    }
}

public sealed class SuccessCaseAndShowcaseTests_Standalone(StandaloneEnvironment env) : SuccessCaseAndShowcaseTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class SuccessCaseAndShowcaseTests_Distributed(DistributedEnvironment env) : SuccessCaseAndShowcaseTests(env), IClassFixture<DistributedEnvironment>;
