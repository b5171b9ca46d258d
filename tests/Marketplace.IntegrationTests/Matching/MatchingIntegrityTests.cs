using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Catalogue.Scheduling;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Matching.Scheduling;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Matching;

/// <summary>Integrity of sealed bids: receipt mismatches as incidents, what may be awarded, late proposals, team rules; run once per runtime mode (own environment: the clock moves).</summary>
public abstract class MatchingIntegrityTests(MarketplaceEnvironment env)
{
    private readonly Guid _vendor = Guid.NewGuid();

    private HttpClient Vendor() => env.MatchingClient().As(Roles.Vendor, _vendor);

    private static object Body(string approach = "Gradient-boosted model", object? teamRoles = null) => new
    {
        approach,
        priceHkd = 1_500_000m,
        durationMonths = 12,
        dataResidencyCompliant = true,
        supportLevel = "Office hours",
        teamRoles = teamRoles ?? new[] { new { skill = "Data scientist", seniority = "Senior", talentId = (Guid?)null } },
    };

    private async Task<Guid> OpenScenarioAsync(HttpClient catalogueOfficer)
    {
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, catalogueOfficer)).GetProperty("id").GetGuid();
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.AnyAsync(s => s.ScenarioId == id && s.PublishedAt != null)), k => k,
            what: "matching to learn of the scenario");
        return id;
    }

    private async Task<Guid> DraftAsync(Guid scenario, bool submit)
    {
        var created = await Vendor().PostAsJsonAsync($"/api/matching/scenarios/{scenario}/proposals", Body());
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        if (submit)
        {
            await (await Vendor().PostAsync($"/api/matching/proposals/{id}/submit", null)).ShouldBe(HttpStatusCode.OK);
        }
        return id;
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    [Fact]
    public async Task A_receipt_mismatch_at_opening_is_an_audited_incident_for_the_department_and_administrators_and_only_sound_opened_proposals_are_awarded()
    {
        var department = await EvaluationDepartment.CreateAsync(env, officers: 1);
        var scenario = await OpenScenarioAsync(department.Catalogue(env));
        var elsewhere = await OpenScenarioAsync(department.Catalogue(env));
        var sound = await DraftAsync(scenario, submit: true);
        var tampered = await DraftAsync(scenario, submit: true);
        var neverSubmitted = await DraftAsync(scenario, submit: false);
        var ofAnotherScenario = await DraftAsync(elsewhere, submit: true);
        // A change behind the service's back: the stored price no longer hashes to the vendor's receipt.
        await env.InMatchingDbAsync(db => db.Proposals.Where(p => p.Id == tampered).ExecuteUpdateAsync(u => u.SetProperty(p => p.PriceHkd, 1m)));

        env.Clock.Advance(TimeSpan.FromDays(31));
        await env.MatchingServices.GetRequiredService<ProposalOpening>().OpenDueAsync(CancellationToken.None);

        var officer = department.Matching(env, department.Officers[0]);
        var incidents = await Eventually.Until(() => officer.GetFromJsonAsync<JsonElement>($"/api/matching/scenarios/{scenario}/integrity-incidents"),
            i => i.GetArrayLength() == 1, what: "the incident to be stored");
        var incident = incidents[0];
        Assert.Equal(("ReceiptMismatch", tampered), (incident.GetProperty("kind").GetString(), incident.GetProperty("proposalId").GetGuid()));
        Assert.NotEqual(incident.GetProperty("receiptSha256").GetString(), incident.GetProperty("openedSha256").GetString());
        Assert.Contains("收據不符", incident.GetProperty("descriptionZh").GetString(), StringComparison.Ordinal);
        var incidentId = incident.GetProperty("id").GetGuid();
        var all = await env.MatchingClient().As(Roles.Admin, null).GetFromJsonAsync<JsonElement>("/api/matching/integrity-incidents?pageSize=100");
        Assert.Contains(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == incidentId);
        await (await env.MatchingClient().As(Roles.DepartmentOfficer, Guid.NewGuid()).GetAsync($"/api/matching/scenarios/{scenario}/integrity-incidents"))
            .ShouldBe(HttpStatusCode.Forbidden);
        await (await env.MatchingClient().As(Roles.DepartmentOfficer, department.Id).GetAsync("/api/matching/integrity-incidents")).ShouldBe(HttpStatusCode.Forbidden);
        Assert.True(await env.InMatchingDbAsync(db => db.AuditLog.AnyAsync(a => a.EntityId == incidentId.ToString() && a.EntityType.Contains("IntegrityIncident"))));

        // The domain refuses whatever was sent: another scenario's, an unopened and a mismatched proposal; a sound one is awarded.
        var manager = department.Matching(env, department.Manager);
        foreach (var (proposal, code) in new[]
        {
            (ofAnotherScenario, "proposal-of-another-scenario"), (neverSubmitted, "proposal-not-opened"), (tampered, "receipt-mismatch"),
        })
        {
            var refused = await manager.PostAsJsonAsync($"/api/matching/scenarios/{scenario}/award", new { proposalId = proposal, justification = "Best value" });
            await refused.ShouldBe(HttpStatusCode.Conflict);
            Assert.Equal(code, await CodeAsync(refused));
        }
        Assert.Equal(JsonValueKind.Null, (await manager.GetFromJsonAsync<JsonElement>($"/api/matching/scenarios/{scenario}/evaluation")).GetProperty("awardedProposalId").ValueKind);
        await (await manager.PostAsJsonAsync($"/api/matching/scenarios/{scenario}/award", new { proposalId = sound, justification = "Best value" })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_proposal_after_the_deadline_or_on_a_cancelled_scenario_answers_409_with_a_code_even_when_matching_already_knows_it_closed()
    {
        var department = Guid.NewGuid();
        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, department);
        var closing = await OpenScenarioAsync(officer);
        var cancelling = await OpenScenarioAsync(officer);

        await (await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{cancelling}/cancel", new { reason = "Requirement withdrawn" })).ShouldBe(HttpStatusCode.OK);
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.AnyAsync(s => s.ScenarioId == cancelling && s.Cancelled)), k => k,
            what: "the cancellation to reach matching");
        var cancelled = await Vendor().PostAsJsonAsync($"/api/matching/scenarios/{cancelling}/proposals", Body());
        await cancelled.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("scenario-cancelled", await CodeAsync(cancelled));

        env.Clock.Advance(TimeSpan.FromDays(31));
        await env.CatalogueServices.GetRequiredService<ProposalDeadlines>().CloseDueAsync(CancellationToken.None);
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.AnyAsync(s => s.ScenarioId == closing && s.ClosedAt != null)), k => k,
            what: "the closure to reach matching");
        var late = await Vendor().PostAsJsonAsync($"/api/matching/scenarios/{closing}/proposals", Body());
        await late.ShouldBe(HttpStatusCode.Conflict);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("deadline-passed", problem.GetProperty("code").GetString());
        Assert.Contains("Hong Kong time", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await env.InMatchingDbAsync(db => db.Proposals.AnyAsync(p => p.ScenarioId == closing || p.ScenarioId == cancelling)));
    }

    [Fact]
    public async Task A_proposals_team_is_bounded_each_role_has_a_known_seniority_and_a_named_talent_appears_once()
    {
        var scenario = await OpenScenarioAsync(env.CatalogueClient().As(Roles.DepartmentOfficer, Guid.NewGuid()));
        var talent = Guid.NewGuid();
        var cases = new (object Roles, string Field)[]
        {
            (Enumerable.Range(0, 51).Select(_ => new { skill = "Data scientist", seniority = "Senior", talentId = (Guid?)null }).ToArray(), "teamRoles"),
            (new[] { new { skill = "Data scientist", seniority = "Guru", talentId = (Guid?)null } }, "teamRoles[0].seniority"),
            (new[] { new { skill = "", seniority = "Senior", talentId = (Guid?)null } }, "teamRoles[0].skill"),
            (new[] { new { skill = "Data scientist", seniority = "Senior", talentId = (Guid?)Guid.Empty } }, "teamRoles[0].talentId"),
            (new[]
            {
                new { skill = "Data scientist", seniority = "Senior", talentId = (Guid?)talent },
                new { skill = "ML engineer", seniority = "Lead", talentId = (Guid?)talent },
            }, "teamRoles[1].talentId"),
        };
        foreach (var (roles, field) in cases)
        {
            var refused = await Vendor().PostAsJsonAsync($"/api/matching/scenarios/{scenario}/proposals", Body(teamRoles: roles));
            await refused.ShouldBe(HttpStatusCode.BadRequest);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"{field} not named in {errors}");
        }
        Assert.False(await env.InMatchingDbAsync(db => db.Proposals.AnyAsync(p => p.ScenarioId == scenario)));

        // The documented spellings, matched case-insensitively, stored as documented.
        var accepted = await Vendor().PostAsJsonAsync($"/api/matching/scenarios/{scenario}/proposals",
            Body(teamRoles: new[] { new { skill = "Data scientist", seniority = "senior", talentId = (Guid?)talent } }));
        await accepted.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("Senior", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("teamRoles")[0].GetProperty("seniority").GetString());
    }
}

public sealed class MatchingIntegrityTests_Standalone(StandaloneEnvironment env) : MatchingIntegrityTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class MatchingIntegrityTests_Distributed(DistributedEnvironment env) : MatchingIntegrityTests(env), IClassFixture<DistributedEnvironment>;
