using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Matching.Scheduling;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Matching;

/// <summary>Evaluation with conflict declarations, ranking, award and standstill cancellation; run once per runtime mode (own environment: the clock moves).</summary>
public abstract class EvaluationTests(MarketplaceEnvironment env)
{
    private EvaluationDepartment _department = null!;

    private string _evaluator1 = "";

    private string _evaluator2 = "";

    /// <summary>The department's organisation manager, who manages its evaluations, or another of its officers.</summary>
    private HttpClient Officer(string? subject = null) => _department.Matching(env, subject ?? _department.Manager);

    private async Task<Guid> ProposalAsync(Guid scenario, Guid vendor, string approach, decimal price)
    {
        var client = env.MatchingClient().As(Roles.Vendor, vendor);
        var created = await client.PostAsJsonAsync($"/api/matching/scenarios/{scenario}/proposals", new
        {
            approach, priceHkd = price, durationMonths = 12, dataResidencyCompliant = true, supportLevel = "Office hours",
            teamRoles = new[] { new { skill = "Data scientist", seniority = "Senior" } },
        });
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await (await client.PostAsync($"/api/matching/proposals/{id}/submit", null)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    private async Task<List<JsonElement>> NoticesAsync(Guid vendor, Guid scenario) =>
        (await env.MatchingClient().As(Roles.Vendor, vendor).GetFromJsonAsync<JsonElement>("/api/matching/notifications?pageSize=100"))
            .GetProperty("items").EnumerateArray().Where(n => n.GetProperty("scenarioId").GetGuid() == scenario && n.GetProperty("kind").GetString() != "StrongMatch").ToList();

    [Fact]
    public async Task Evaluators_declare_conflicts_before_content_score_and_the_department_awards_within_a_standstill()
    {
        _department = await EvaluationDepartment.CreateAsync(env, officers: 3);
        (_evaluator1, _evaluator2) = (_department.Officers[0], _department.Officers[1]);
        var bystander = _department.Officers[2];
        var scenario = (await ScenarioBuilder.CreatePublishedAsync(env, _department.Catalogue(env))).GetProperty("id").GetGuid();
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.AnyAsync(s => s.ScenarioId == scenario && s.PublishedAt != null)), k => k,
            what: "matching to learn of the scenario");
        var winner = Guid.NewGuid();
        var loser = Guid.NewGuid();
        var a = await ProposalAsync(scenario, winner, "Gradient-boosted waiting-time model", 2_000_000m);
        var b = await ProposalAsync(scenario, loser, "Rule-based dashboard", 1_000_000m);
        await (await Officer().GetAsync($"/api/matching/scenarios/{scenario}/evaluation")).ShouldBe(HttpStatusCode.Conflict);

        env.Clock.Advance(TimeSpan.FromDays(31));
        await env.MatchingServices.GetRequiredService<ProposalOpening>().OpenDueAsync(CancellationToken.None);

        var badWeights = await Officer().PutAsJsonAsync($"/api/matching/scenarios/{scenario}/evaluation", new { quality = 40, price = 50, innovation = 10, evaluators = new[] { _evaluator1 } });
        await badWeights.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await badWeights.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("quality", out _));
        // Evaluators are officers of this very department: a vendor's user or another department's officer is refused, naming the entry.
        var vendorUser = (await env.AddMemberAsync(await env.CreateOrganisationAsync("Vendor"), Roles.Vendor, manager: true)).UserId.ToString();
        var otherOfficer = (await env.AddMemberAsync(await env.CreateOrganisationAsync("Department"), Roles.DepartmentOfficer, manager: true)).UserId.ToString();
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OrganisationMembers.CountAsync(m => m.UserId == Guid.Parse(vendorUser) || m.UserId == Guid.Parse(otherOfficer))),
            n => n == 2, what: "matching to learn of the other organisations' members");
        foreach (var stranger in new[] { vendorUser, otherOfficer, "not-a-user" })
        {
            var refused = await Officer().PutAsJsonAsync($"/api/matching/scenarios/{scenario}/evaluation",
                new { quality = 60, price = 30, innovation = 10, evaluators = new[] { _evaluator1, stranger } });
            await refused.ShouldBe(HttpStatusCode.BadRequest);
            var refusal = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal(["evaluators[1]"], refusal.EnumerateObject().Select(e => e.Name));
        }
        Assert.Empty((await Officer().GetFromJsonAsync<JsonElement>($"/api/matching/scenarios/{scenario}/evaluation")).GetProperty("evaluators").EnumerateArray());
        // Only the department's organisation managers manage the evaluation.
        await (await Officer(bystander).PutAsJsonAsync($"/api/matching/scenarios/{scenario}/evaluation",
            new { quality = 60, price = 30, innovation = 10, evaluators = new[] { bystander } })).ShouldBe(HttpStatusCode.Forbidden);
        await (await Officer().PutAsJsonAsync($"/api/matching/scenarios/{scenario}/evaluation",
            new { quality = 60, price = 30, innovation = 10, evaluators = new[] { _evaluator1, _evaluator2 }, normalise = false })).ShouldBe(HttpStatusCode.OK);
        await (await env.MatchingClient().As(Roles.DepartmentOfficer, Guid.NewGuid()).GetAsync($"/api/matching/scenarios/{scenario}/evaluation")).ShouldBe(HttpStatusCode.Forbidden);
        // The ranking (price scores come from sealed prices) is for the evaluators and the managers only.
        await (await Officer(bystander).GetAsync($"/api/matching/scenarios/{scenario}/evaluation")).ShouldBe(HttpStatusCode.Forbidden);
        await (await env.MatchingClient().As(Roles.Admin, null).GetAsync($"/api/matching/scenarios/{scenario}/evaluation")).ShouldBe(HttpStatusCode.Forbidden);

        // Content only after a no-conflict declaration; a declared conflict excludes the evaluator from that proposal.
        var one = Officer(_evaluator1);
        var two = Officer(_evaluator2);
        var beforeDeclaring = await one.GetAsync($"/api/matching/proposals/{a}");
        await beforeDeclaring.ShouldBe(HttpStatusCode.Forbidden);
        Assert.DoesNotContain("Gradient", await beforeDeclaring.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("declare-first", (await beforeDeclaring.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        // Hidden content is absent, marked and explained, never empty values that look like data.
        Assert.All((await one.GetFromJsonAsync<JsonElement>($"/api/matching/scenarios/{scenario}/proposals")).EnumerateArray(), p =>
        {
            Assert.True(p.GetProperty("hidden").GetBoolean());
            Assert.Equal("declare-first", p.GetProperty("hiddenReason").GetProperty("code").GetString());
            Assert.Contains("利益衝突", p.GetProperty("hiddenReason").GetProperty("textZh").GetString(), StringComparison.Ordinal);
            foreach (var field in new[] { "approach", "priceHkd", "durationMonths", "dataResidencyCompliant", "supportLevel", "teamRoles" })
            {
                Assert.Equal(JsonValueKind.Null, p.GetProperty(field).ValueKind);
            }
        });
        foreach (var proposal in new[] { a, b })
        {
            await (await one.PostAsJsonAsync($"/api/matching/proposals/{proposal}/declaration", new { conflict = false })).ShouldBe(HttpStatusCode.NoContent);
        }
        await (await two.PostAsJsonAsync($"/api/matching/proposals/{a}/declaration", new { conflict = true, note = "Former employee of the vendor" })).ShouldBe(HttpStatusCode.NoContent);
        await (await two.PostAsJsonAsync($"/api/matching/proposals/{b}/declaration", new { conflict = false })).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal("Gradient-boosted waiting-time model", (await one.GetFromJsonAsync<JsonElement>($"/api/matching/proposals/{a}")).GetProperty("approach").GetString());
        var excluded = await two.GetAsync($"/api/matching/proposals/{a}");
        await excluded.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("conflict-declared", (await excluded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var conflicted = await two.PostAsJsonAsync($"/api/matching/proposals/{a}/scores", new { quality = 10, innovation = 1, comment = "x" });
        await conflicted.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("conflict-declared", (await conflicted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await (await Officer(bystander).PostAsJsonAsync($"/api/matching/proposals/{a}/declaration", new { conflict = false })).ShouldBe(HttpStatusCode.Conflict);

        var outOfRange = await one.PostAsJsonAsync($"/api/matching/proposals/{a}/scores", new { quality = 61, innovation = 11, comment = "" });
        await outOfRange.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await outOfRange.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("quality", out _) && errors.TryGetProperty("innovation", out _) && errors.TryGetProperty("comment", out _));
        await (await one.PostAsJsonAsync($"/api/matching/proposals/{a}/scores", new { quality = 55, innovation = 9, comment = "Strong, evidence-based approach" })).ShouldBe(HttpStatusCode.NoContent);
        await (await one.PostAsJsonAsync($"/api/matching/proposals/{b}/scores", new { quality = 20, innovation = 2, comment = "Does not forecast" })).ShouldBe(HttpStatusCode.NoContent);
        await (await two.PostAsJsonAsync($"/api/matching/proposals/{b}/scores", new { quality = 30, innovation = 4, comment = "Simple but limited" })).ShouldBe(HttpStatusCode.NoContent);

        var evaluation = await Officer().GetFromJsonAsync<JsonElement>($"/api/matching/scenarios/{scenario}/evaluation");
        var ranking = evaluation.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(a, ranking[0].GetProperty("proposalId").GetGuid());
        Assert.Equal(79m, ranking[0].GetProperty("total").GetDecimal());   // 55 + 9 + 1,000,000 ÷ 2,000,000 × 30
        Assert.Equal(58m, ranking[1].GetProperty("total").GetDecimal());   // (20+30)/2 + (2+4)/2 + 30
        Assert.Equal(1, ranking[0].GetProperty("evaluators").GetInt32());
        // The conflicted evaluator cannot work out a's price: its row is withheld, and no price score, total or rank is shown
        // (each is relative to the lowest price); b's marks are.
        var theirs = (await two.GetFromJsonAsync<JsonElement>($"/api/matching/scenarios/{scenario}/evaluation")).GetProperty("ranking").EnumerateArray().ToList();
        var hiddenRow = Assert.Single(theirs, r => r.GetProperty("proposalId").GetGuid() == a);
        Assert.Equal("conflict-declared", hiddenRow.GetProperty("hiddenReason").GetProperty("code").GetString());
        Assert.All(new[] { "quality", "innovation", "price", "total", "rank" }, f => Assert.Equal(JsonValueKind.Null, hiddenRow.GetProperty(f).ValueKind));
        var visibleRow = Assert.Single(theirs, r => r.GetProperty("proposalId").GetGuid() == b);
        Assert.Equal(25m, visibleRow.GetProperty("quality").GetDecimal());
        Assert.All(new[] { "price", "total", "rank" }, f => Assert.Equal(JsonValueKind.Null, visibleRow.GetProperty(f).ValueKind));
        Assert.DoesNotContain("\"total\":79", (await two.GetStringAsync($"/api/matching/scenarios/{scenario}/evaluation")), StringComparison.Ordinal);

        // Award; the catalogue follows; the unsuccessful vendor sees its own scores without evaluator names.
        await (await Officer().PostAsJsonAsync($"/api/matching/scenarios/{scenario}/award", new { proposalId = a, justification = "" })).ShouldBe(HttpStatusCode.BadRequest);
        await (await Officer().PostAsJsonAsync($"/api/matching/scenarios/{scenario}/award", new { proposalId = a, justification = "Highest ranked; evidence of accuracy" }))
            .ShouldBe(HttpStatusCode.OK);
        await Eventually.Until(() => env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{scenario}"),
            s => s.GetProperty("status").GetString() == "Awarded" && s.GetProperty("awardedVendorId").GetGuid() == winner, what: "the award to reach the catalogue");
        var feedback = await env.MatchingClient().As(Roles.Vendor, loser).GetFromJsonAsync<JsonElement>($"/api/matching/proposals/{b}/feedback");
        Assert.False(feedback.GetProperty("awarded").GetBoolean());
        Assert.Equal(2, feedback.GetProperty("ranking").GetProperty("rank").GetInt32());
        var comments = feedback.GetProperty("scores").EnumerateArray().Select(s => (s.GetProperty("evaluator").GetString(), s.GetProperty("comment").GetString())).ToList();
        Assert.Contains(("Evaluator 1", "Does not forecast"), comments);
        Assert.DoesNotContain(_evaluator1, feedback.ToString(), StringComparison.Ordinal);
        await (await env.MatchingClient().As(Roles.Vendor, winner).GetAsync($"/api/matching/proposals/{b}/feedback")).ShouldBe(HttpStatusCode.NotFound);

        // Both bidders were told the outcome, each in its own inbox, in both languages.
        var won = Assert.Single(await NoticesAsync(winner, scenario));
        Assert.Equal(("Awarded", a), (won.GetProperty("kind").GetString(), won.GetProperty("proposalId").GetGuid()));
        Assert.Contains("standstill", won.GetProperty("bodyEn").GetString());
        Assert.Contains("停頓期", won.GetProperty("bodyZh").GetString());
        var lost = Assert.Single(await NoticesAsync(loser, scenario));
        Assert.Equal(("NotAwarded", b), (lost.GetProperty("kind").GetString(), lost.GetProperty("proposalId").GetGuid()));
        Assert.StartsWith("未獲判授：", lost.GetProperty("titleZh").GetString());
        Assert.DoesNotContain("Gradient", lost.ToString(), StringComparison.Ordinal);

        // Cancelled within the standstill: the catalogue goes back to evaluation; after it, refused.
        env.Clock.Advance(TimeSpan.FromDays(9));
        await (await Officer().PostAsJsonAsync($"/api/matching/scenarios/{scenario}/award/cancel", new { reason = "Challenge upheld" })).ShouldBe(HttpStatusCode.OK);
        await Eventually.Until(() => env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{scenario}"),
            s => s.GetProperty("status").GetString() == "ProposalsClosed", what: "the cancellation to reach the catalogue");
        Assert.Contains(await NoticesAsync(winner, scenario), n => n.GetProperty("kind").GetString() == "AwardCancelled"
            && n.GetProperty("bodyEn").GetString()!.Contains("Challenge upheld", StringComparison.Ordinal));
        await (await Officer().PostAsJsonAsync($"/api/matching/scenarios/{scenario}/award", new { proposalId = a, justification = "Confirmed after review" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["AwardCancelled", "Awarded", "Awarded"], (await NoticesAsync(winner, scenario)).Select(n => n.GetProperty("kind").GetString()).Order());
        Assert.Equal(2, (await NoticesAsync(loser, scenario)).Count(n => n.GetProperty("kind").GetString() == "NotAwarded"));
        env.Clock.Advance(TimeSpan.FromDays(11));
        var late = await Officer().PostAsJsonAsync($"/api/matching/scenarios/{scenario}/award/cancel", new { reason = "too late" });
        await late.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("standstill-over", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}

public sealed class EvaluationTests_Standalone(StandaloneEnvironment env) : EvaluationTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class EvaluationTests_Distributed(DistributedEnvironment env) : EvaluationTests(env), IClassFixture<DistributedEnvironment>;
