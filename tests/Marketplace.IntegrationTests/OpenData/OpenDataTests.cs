using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Catalogue.Scheduling;
using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Funding;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.IntegrationTests.Matching;
using Marketplace.Matching.Scheduling;
using Marketplace.OpenData;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.OpenData;

/// <summary>
/// A scenario's life as open data, from publication through a real sealed bidding and award to funding, milestones,
/// payment and completion; run once per runtime mode (own environment: the clock moves).
/// </summary>
public abstract class OpenDataTests(MarketplaceEnvironment env)
{
    private const string WinningApproach = "Lamp-post cameras with on-device counting";
    private const string LosingApproach = "Satellite imagery with weekly refresh";
    private const decimal WinningPrice = 1_234_567m;
    private const decimal LosingPrice = 1_765_432m;

    private HttpClient Public() => env.OpenDataClient();

    private static string Ocid(Guid scenario) => new OpenDataOptions().Ocid(scenario);

    [Fact]
    public async Task A_scenario_from_publication_to_completion_publishes_valid_ocds_releases_that_never_show_sealed_content()
    {
        var department = await EvaluationDepartment.CreateAsync(env, officers: 0);
        var (winner, loser) = (await env.CreateOrganisationAsync("Vendor", sizeClass: "Startup"), await env.CreateOrganisationAsync("Vendor", sizeClass: "SME"));
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.VendorProfiles.CountAsync(v => (v.Id == winner || v.Id == loser) && v.SizeClass != null)), n => n == 2,
            what: "matching to learn the bidders' sizes");
        var scenario = (await ScenarioBuilder.CreatePublishedAsync(env, department.Catalogue(env))).GetProperty("id").GetGuid();
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.AnyAsync(s => s.ScenarioId == scenario && s.PublishedAt != null)), k => k,
            what: "matching to learn of the scenario");
        var question = Guid.NewGuid();
        await env.PublishAsync(new ClarificationAnswered(scenario, question, "Is the camera data kept in Hong Kong?", "Yes, on premises.", "是，存於本地。",
            env.Clock.GetUtcNow()), Guid.NewGuid());
        var winning = await SubmittedProposalAsync(scenario, winner, WinningApproach, WinningPrice);
        await SubmittedProposalAsync(scenario, loser, LosingApproach, LosingPrice);

        // Up to the opening, nothing of a proposal: no approach, no price.
        env.Clock.Advance(TimeSpan.FromDays(31));
        await env.CatalogueServices.GetRequiredService<ProposalDeadlines>().CloseDueAsync(CancellationToken.None);
        await env.MatchingServices.GetRequiredService<ProposalOpening>().OpenDueAsync(CancellationToken.None);
        var opened = await ReleasesAsync(scenario, r => r.Any(x => x.Contains("\"bids\"", StringComparison.Ordinal)), "the bid statistics at opening");
        foreach (var release in opened)
        {
            Assert.DoesNotContain(WinningApproach, release, StringComparison.Ordinal);
            Assert.DoesNotContain(LosingApproach, release, StringComparison.Ordinal);
            Assert.DoesNotContain("1234567", release, StringComparison.Ordinal);
            Assert.DoesNotContain("1765432", release, StringComparison.Ordinal);
            Assert.DoesNotContain(winner.ToString(), release, StringComparison.Ordinal);
        }

        await (await department.Matching(env, department.Manager).PostAsJsonAsync($"/api/matching/scenarios/{scenario}/award",
            new { proposalId = winning, justification = "Best value" })).ShouldBe(HttpStatusCode.OK);
        await ReleasesAsync(scenario, r => r.Any(x => x.Contains("\"award\"", StringComparison.Ordinal)), "the award's release");
        var project = await env.InMatchingDbAsync(db => db.Evaluations.Where(e => e.ScenarioId == scenario).Select(e => e.ProjectId).SingleAsync());

        // Funding follows; its payment overtakes the decision that links it to the scenario, and still lands in the record.
        var (application, milestone, funder) = (Guid.NewGuid(), Guid.NewGuid(), await env.CreateOrganisationAsync("FundingBody"));
        var now = env.Clock.GetUtcNow();
        await env.PublishAsync(new DisbursementReleased(application, milestone, winner, 400_000m, 400_000m, 800_000m, now.AddDays(60)), Guid.NewGuid());
        await Eventually.Until(() => env.InOpenDataDbAsync(db => db.PendingReleases.AnyAsync(p => p.ApplicationId == application)), k => k, what: "the payment to wait for its decision");
        var decided = new FundingDecided(application, Guid.NewGuid(), "PSTS", winner, project, scenario, FundingOutcome.Funded, 800_000m, now.AddDays(20), funder);
        var decisionMessage = Guid.NewGuid();
        await env.PublishAsync(decided, decisionMessage);
        await env.PublishAsync(new MilestoneAccepted(application, milestone, winner, project, 1, 1, 400_000m, now.AddDays(59)), Guid.NewGuid());
        await env.PublishAsync(new ProjectCompleted(project!.Value, scenario, winner, "Counts within 2 %.", "點算誤差 2% 以內。", [], now.AddDays(90)), Guid.NewGuid());
        var releases = await ReleasesAsync(scenario, r => r.Count == 9, "every release of the scenario");

        // Redelivered (same message id) or published again (new id): no second release.
        await env.PublishAsync(decided, decisionMessage);
        await env.PublishAsync(decided, Guid.NewGuid());
        await Eventually.Until(() => env.InOpenDataDbAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == "FundingDecidedConsumer")), n => n >= 2,
            what: "the repeated decisions to be consumed");
        Assert.Equal(9, (await ReleasesAsync(scenario, _ => true, "the releases")).Count);

        // Every release and package validates against OCDS 1.1.5 with the bids and enquiries extensions.
        foreach (var release in releases)
        {
            await OcdsSchemas.AssertValidAsync(OcdsSchemas.Release, release, "a release");
            Assert.DoesNotContain("1765432", release, StringComparison.Ordinal);
            Assert.DoesNotContain(LosingApproach, release, StringComparison.Ordinal);
            Assert.DoesNotContain(loser.ToString(), release, StringComparison.Ordinal);
        }
        var releasePackage = await Public().GetStringAsync($"/api/opendata/releases/{Ocid(scenario)}");
        await OcdsSchemas.AssertValidAsync(OcdsSchemas.ReleasePackage, releasePackage, "the release package");
        var recordResponse = await Public().GetAsync($"/api/opendata/records/{Ocid(scenario)}");
        var recordPackage = await recordResponse.Content.ReadAsStringAsync();
        await OcdsSchemas.AssertValidAsync(OcdsSchemas.RecordPackage, recordPackage, "the record package");

        // The compiled release holds the current state of everything.
        var compiled = JsonDocument.Parse(recordPackage).RootElement.GetProperty("records")[0].GetProperty("compiledRelease");
        Assert.Equal(["compiled"], compiled.GetProperty("tag").EnumerateArray().Select(t => t.GetString()));
        var tender = compiled.GetProperty("tender");
        Assert.Equal("complete", tender.GetProperty("status").GetString());
        Assert.Equal(2, tender.GetProperty("numberOfTenderers").GetInt32());
        var enquiry = Assert.Single(tender.GetProperty("enquiries").EnumerateArray());
        Assert.Equal("Yes, on premises.", enquiry.GetProperty("answer").GetString());
        Assert.False(enquiry.TryGetProperty("author", out _));
        var statistics = compiled.GetProperty("bids").GetProperty("statistics").EnumerateArray().ToDictionary(s => s.GetProperty("measure").GetString()!, s => s.GetProperty("value").GetInt32());
        Assert.Equal(2, statistics["bids"]);
        Assert.Equal(2, statistics["smeBids"]);
        Assert.Equal(1, statistics["x_startupBids"]);
        var award = Assert.Single(compiled.GetProperty("awards").EnumerateArray());
        Assert.Equal(WinningPrice, award.GetProperty("value").GetProperty("amount").GetDecimal());
        Assert.Equal(winner.ToString(), award.GetProperty("suppliers")[0].GetProperty("id").GetString());
        var contract = Assert.Single(compiled.GetProperty("contracts").EnumerateArray());
        Assert.Equal("terminated", contract.GetProperty("status").GetString());
        Assert.Equal(800_000m, contract.GetProperty("x_fundingGrant").GetProperty("value").GetProperty("amount").GetDecimal());
        Assert.Single(contract.GetProperty("implementation").GetProperty("milestones").EnumerateArray());
        var payment = Assert.Single(contract.GetProperty("implementation").GetProperty("transactions").EnumerateArray());
        Assert.Equal(funder.ToString(), payment.GetProperty("payer").GetProperty("id").GetString());
        var roles = compiled.GetProperty("parties").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList());
        Assert.Contains("buyer", roles[department.Id.ToString()]);
        Assert.Contains("supplier", roles[winner.ToString()]);
        Assert.Contains("funder", roles[funder.ToString()]);
        Assert.False(roles.ContainsKey(loser.ToString()));
        var supplier = compiled.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("id").GetString() == winner.ToString());
        Assert.Equal("HK-BRN", supplier.GetProperty("identifier").GetProperty("scheme").GetString());

        // Unchanged, the record answers 304 to its ETag.
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/opendata/records/{Ocid(scenario)}");
        conditional.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(recordResponse.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.NotModified, (await Public().SendAsync(conditional)).StatusCode);

        // The downloads hold the same: one line per release, one CSV row per award, contract, milestone and payment.
        var lines = (await Public().GetStringAsync($"/api/opendata/downloads/releases.jsonl?departmentId={department.Id}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(releases.Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
        var csv = (await Public().GetStringAsync($"/api/opendata/downloads/contracting.csv?departmentId={department.Id}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("ocid,tender_title,buyer_id,buyer_name,row_type,id,award_id,date,status,amount_hkd", csv[0], StringComparison.Ordinal);
        Assert.Equal(["award", "contract", "milestone", "payment"], csv.Skip(1).Select(r => r.Split(',')[4]));
        Assert.Contains(",award,", csv[1], StringComparison.Ordinal);
        Assert.Contains(",1234567,", csv[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_change_feed_pages_by_cursor_and_refuses_a_cursor_it_cannot_read()
    {
        var department = await EvaluationDepartment.CreateAsync(env, officers: 0);
        var scenarios = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            scenarios.Add((await ScenarioBuilder.CreatePublishedAsync(env, department.Catalogue(env))).GetProperty("id").GetGuid());
        }
        var filter = $"departmentId={department.Id}";
        await Eventually.Until(() => Public().GetFromJsonAsync<JsonElement>($"/api/opendata/releases?pageSize=100&{filter}"),
            p => p.GetProperty("releases").GetArrayLength() == 3, what: "the three tenders in the feed");

        var seen = new List<string>();
        var url = $"/api/opendata/releases?pageSize=2&{filter}";
        while (url is not null)
        {
            var page = await Public().GetStringAsync(url);
            await OcdsSchemas.AssertValidAsync(OcdsSchemas.ReleasePackage, page, "a feed page");
            var json = JsonDocument.Parse(page).RootElement;
            seen.AddRange(json.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("ocid").GetString()!));
            url = json.TryGetProperty("links", out var links) ? new Uri(links.GetProperty("next").GetString()!).PathAndQuery : null;
        }
        Assert.Equal(scenarios.Select(Ocid), seen);

        var bad = await Public().GetAsync("/api/opendata/releases?since=yesterday");
        await bad.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("since", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await Public().GetAsync($"/api/opendata/records/{Ocid(Guid.NewGuid())}")).StatusCode);
    }

    private async Task<Guid> SubmittedProposalAsync(Guid scenario, Guid vendor, string approach, decimal price)
    {
        var client = env.MatchingClient().As(Roles.Vendor, vendor);
        var created = await client.PostAsJsonAsync($"/api/matching/scenarios/{scenario}/proposals", new
        {
            approach, priceHkd = price, durationMonths = 12, dataResidencyCompliant = true,
            supportLevel = "Office hours", teamRoles = new[] { new { skill = "Computer vision", seniority = "Senior" } },
        });
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await (await client.PostAsync($"/api/matching/proposals/{id}/submit", null)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    /// <summary>The scenario's releases as stored (their JSON text), once <paramref name="done"/> holds.</summary>
    private async Task<List<string>> ReleasesAsync(Guid scenario, Func<List<string>, bool> done, string what)
    {
        try
        {
            return await Eventually.Until(() => env.InOpenDataDbAsync(db => db.Releases.Where(r => r.ScenarioId == scenario).OrderBy(r => r.Sequence).Select(r => r.Json).ToListAsync()),
                done, TimeSpan.FromSeconds(60), what);
        }
        catch (TimeoutException e)
        {
            var ids = await env.InOpenDataDbAsync(db => db.Releases.Where(r => r.ScenarioId == scenario).Select(r => r.ReleaseId).ToListAsync());
            throw new TimeoutException($"{e.Message}; the releases so far: {string.Join(", ", ids)}", e);
        }
    }
}

public sealed class OpenDataTests_Standalone(StandaloneEnvironment env) : OpenDataTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class OpenDataTests_Distributed(DistributedEnvironment env) : OpenDataTests(env), IClassFixture<DistributedEnvironment>;
