using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Contracts.Matching;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Matching.Scheduling;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Matching;

/// <summary>
/// Closure, award, standstill and delivery as the catalogue and matching agree on them; run once per
/// runtime mode (own environment: the clock moves).
/// </summary>
public abstract class AwardAcrossServicesTests(MarketplaceEnvironment env)
{
    private Guid _department = Guid.NewGuid();

    // Only the department's organisation managers award and cancel; a test that does either uses a real department.
    private string? _manager;

    private HttpClient CatalogueOfficer(string? subject = null) => env.CatalogueClient().As(Roles.DepartmentOfficer, _department, subject);

    private HttpClient MatchingOfficer() => env.MatchingClient().As(Roles.DepartmentOfficer, _department, _manager);

    private async Task<Guid> PublishedScenarioAsync()
    {
        var scenario = (await ScenarioBuilder.CreatePublishedAsync(env, CatalogueOfficer())).GetProperty("id").GetGuid();
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.AnyAsync(s => s.ScenarioId == scenario && s.PublishedAt != null)), k => k,
            what: "matching to learn of the scenario");
        return scenario;
    }

    private async Task<Guid> SubmittedProposalAsync(Guid scenario, Guid vendor)
    {
        var client = env.MatchingClient().As(Roles.Vendor, vendor);
        var created = await client.PostAsJsonAsync($"/api/matching/scenarios/{scenario}/proposals", new
        {
            approach = "Gradient-boosted waiting-time model", priceHkd = 1_800_000m, durationMonths = 12, dataResidencyCompliant = true,
            supportLevel = "Office hours", teamRoles = new[] { new { skill = "Data scientist", seniority = "Senior" } },
        });
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await (await client.PostAsync($"/api/matching/proposals/{id}/submit", null)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    private Task<JsonElement> ScenarioAsync(Guid id) => env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}");

    [Fact]
    public async Task A_scenario_cancelled_with_the_reason_deadline_keeps_its_proposals_sealed_after_the_deadline()
    {
        var scenario = await PublishedScenarioAsync();
        var proposal = await SubmittedProposalAsync(scenario, Guid.NewGuid());

        await (await CatalogueOfficer().PostAsJsonAsync($"/api/catalogue/scenarios/{scenario}/cancel", new { reason = "deadline" })).ShouldBe(HttpStatusCode.OK);
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.SingleAsync(s => s.ScenarioId == scenario)), s => s.ClosedAt is not null,
            what: "matching to learn of the cancellation");
        env.Clock.Advance(TimeSpan.FromDays(31));
        await env.MatchingServices.GetRequiredService<ProposalOpening>().OpenDueAsync(CancellationToken.None);

        var open = await env.InMatchingDbAsync(db => db.OpenScenarios.SingleAsync(s => s.ScenarioId == scenario));
        Assert.True(open.Cancelled);
        Assert.Null(open.ProposalsOpenedAt);
        Assert.Null((await env.InMatchingDbAsync(db => db.Proposals.SingleAsync(p => p.Id == proposal))).OpenedAt);
    }

    [Fact]
    public async Task Delivery_waits_for_the_standstill_then_the_award_cannot_be_cancelled_and_a_late_cancellation_is_not_dropped()
    {
        var department = await EvaluationDepartment.CreateAsync(env, officers: 0);
        (_department, _manager) = (department.Id, department.Manager);
        var scenario = await PublishedScenarioAsync();
        var vendor = Guid.NewGuid();
        var proposal = await SubmittedProposalAsync(scenario, vendor);
        env.Clock.Advance(TimeSpan.FromDays(31));
        await env.MatchingServices.GetRequiredService<ProposalOpening>().OpenDueAsync(CancellationToken.None);

        await (await MatchingOfficer().PostAsJsonAsync($"/api/matching/scenarios/{scenario}/award", new { proposalId = proposal, justification = "Only compliant proposal" }))
            .ShouldBe(HttpStatusCode.OK);
        var awarded = await Eventually.Until(() => ScenarioAsync(scenario), s => s.GetProperty("status").GetString() == "Awarded", what: "the award to reach the catalogue");
        // The public award notice: vendor, value, date; nothing of the evaluation.
        var notice = awarded.GetProperty("award");
        Assert.Equal(vendor, notice.GetProperty("vendorId").GetGuid());
        Assert.Equal(1_800_000m, notice.GetProperty("contractValueHkd").GetDecimal());
        Assert.Equal(JsonValueKind.String, notice.GetProperty("awardedAt").ValueKind);
        Assert.DoesNotContain("Only compliant proposal", awarded.ToString(), StringComparison.Ordinal);

        // In the standstill delivery is refused and nothing changes.
        var early = await CatalogueOfficer().PostAsync($"/api/catalogue/scenarios/{scenario}/start-delivery", null);
        await early.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("standstill-not-ended", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("Awarded", (await ScenarioAsync(scenario)).GetProperty("status").GetString());

        env.Clock.Advance(TimeSpan.FromDays(10).Add(TimeSpan.FromMinutes(1)));
        var starter = $"officer-{Guid.NewGuid():N}";
        await (await CatalogueOfficer(starter).PostAsync($"/api/catalogue/scenarios/{scenario}/start-delivery", null)).ShouldBe(HttpStatusCode.OK);
        var evaluation = await Eventually.Until(() => env.InMatchingDbAsync(db => db.Evaluations.SingleAsync(e => e.ScenarioId == scenario)),
            e => e.DeliveryStartedAt is not null, what: "matching to learn that delivery started");
        var refused = await MatchingOfficer().PostAsJsonAsync($"/api/matching/scenarios/{scenario}/award/cancel", new { reason = "Challenge upheld" });
        await refused.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("delivery-started", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        // A cancellation reaching the catalogue now is refused into the error queue, not dropped.
        var faulted = new TaskCompletionSource<Fault<AwardCancelled>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = env.CatalogueServices.GetRequiredService<IBus>();
        var handle = bus.ConnectReceiveEndpoint($"test-faults-{Guid.NewGuid():N}", e =>
            e.Handler<Fault<AwardCancelled>>(context =>
            {
                if (context.Message.Message.ScenarioId == scenario)
                {
                    faulted.TrySetResult(context.Message);
                }
                return Task.CompletedTask;
            }));
        await handle.Ready;
        try
        {
            await env.PublishAsync(new AwardCancelled(evaluation.ProjectId!.Value, scenario, "Out of band", env.Clock.GetUtcNow()), Guid.NewGuid());
            var fault = await faulted.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Contains(fault.Exceptions, e => e.Message.Contains("delivery starts", StringComparison.Ordinal));
        }
        finally
        {
            await handle.StopAsync();
        }
        Assert.Equal("InDelivery", (await ScenarioAsync(scenario)).GetProperty("status").GetString());

        // The history names each transition and who or what caused it.
        var history = (await CatalogueOfficer().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{scenario}/history?pageSize=100"))
            .GetProperty("items").EnumerateArray().ToList();
        var award = Assert.Single(history, e => e.GetProperty("action").GetString() == "Awarded");
        Assert.Equal("catalogue service, on ProjectAwarded", award.GetProperty("userName").GetString());
        Assert.Equal(starter, Assert.Single(history, e => e.GetProperty("action").GetString() == "DeliveryStarted").GetProperty("userId").GetString());
        Assert.DoesNotContain(history, e => e.GetProperty("action").GetString() == "Updated");
    }
}

public sealed class AwardAcrossServicesTests_Standalone(StandaloneEnvironment env) : AwardAcrossServicesTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class AwardAcrossServicesTests_Distributed(DistributedEnvironment env) : AwardAcrossServicesTests(env), IClassFixture<DistributedEnvironment>;
