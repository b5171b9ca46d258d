using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Funding;
using Marketplace.Contracts.Matching;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.OpenData.Statistics;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.IntegrationTests.Statistics;

/// <summary>
/// Open data's public programme statistics on a small fixture of one department, whose figures are worked out by hand
/// below (the department filter keeps the other tests' data out). Runs in both modes with the class's environment.
/// </summary>
public abstract partial class StatisticsTests
{
    private Task<JsonElement> ProgrammeAsync(string query) => env.OpenDataClient().GetFromJsonAsync<JsonElement>("/api/opendata/statistics?" + query);

    /// <summary>
    /// Five published scenarios: A, B and E in one batch, C and D in batches of their own.
    /// A (Mobility, transport): 4 proposals, awarded to a startup for 1,000,000 after 20 days, completed.
    /// B (Mobility, healthcare): 1 proposal, awarded to an SME for 500,000 after 40 days.
    /// C (Living, healthcare): 2 proposals, awarded to a startup for 800,000 after 30 days (cancelled), then to a large firm for 2,500,000 after 75 days.
    /// D (Environment, environment): cancelled. E (Mobility, transport): its deadline passed.
    /// Funding: A funded 600,000 under PSTS 10 days after its award, paid 200,000 then 450,000 in all (told in the other order);
    /// B funded 300,000 under TVP after 25 days; C not funded, after 5 days.
    /// Success cases: one of A (transport) with two replication interests, one without scenario (healthcare) with one.
    /// </summary>
    [Fact]
    public async Task Open_data_counts_the_programme_publicly_with_medians_90th_percentiles_and_shares_worked_out_by_hand()
    {
        var officer = Officer();
        var (startup, sme, large) = (await env.CreateOrganisationAsync("Vendor", sizeClass: "Startup"), await env.CreateOrganisationAsync("Vendor", sizeClass: "SME"),
            await env.CreateOrganisationAsync("Vendor", sizeClass: "Large"));
        // Deadlines 15 days out, so that every award comes after them.
        var batch = await ScenarioBuilder.CreateBatchAsync(env, deadlineInDays: 15);
        var a = await InBatchAsync(officer, batch, ScenarioBuilder.ValidBody("Kerbside demand forecasting", "Mobility", "transport"));
        var b = await InBatchAsync(officer, batch, ScenarioBuilder.ValidBody("Clinic queue forecasting", "Mobility", "healthcare"));
        var e = await InBatchAsync(officer, batch, ScenarioBuilder.ValidBody("Ferry loading prediction", "Mobility", "transport"));
        await (await env.CatalogueClient().As(Roles.Admin, null).PostAsync($"/api/catalogue/batches/{batch}/publish", null)).ShouldBe(HttpStatusCode.OK);
        var c = await PublishedAsync(officer, ScenarioBuilder.ValidBody("Elderly fall detection", "Living", "healthcare"));
        var d = await PublishedAsync(officer, ScenarioBuilder.ValidBody("Beach litter survey", "Environment", "environment"));
        await (await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{d}/cancel", new { reason = "Budget withdrawn" })).ShouldBe(HttpStatusCode.OK);
        var published = new Dictionary<Guid, DateTimeOffset>();
        foreach (var s in new[] { a, b, c })
        {
            published[s] = (await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{s}")).GetProperty("publishedAt").GetDateTimeOffset();
        }
        var now = env.Clock.GetUtcNow();
        await env.PublishAsync(new ScenarioClosed(e, _department, ScenarioClosureKind.DeadlinePassed, "", now.AddDays(16)), Guid.NewGuid());
        foreach (var (s, count) in new[] { (a, 4), (b, 1), (c, 2) })
        {
            await env.PublishAsync(new ProposalsOpened(s, _department, count, count, now.AddDays(16), 0, 0), Guid.NewGuid());
        }
        var projectA = await ProjectAsync(a, startup, 1_000_000m, published[a].AddDays(20));
        var projectB = await ProjectAsync(b, sme, 500_000m, published[b].AddDays(40));
        var cancelled = await ProjectAsync(c, startup, 800_000m, published[c].AddDays(30));
        await env.PublishAsync(new AwardCancelled(cancelled, c, "Conflict of interest found", published[c].AddDays(31)), Guid.NewGuid());
        await Eventually.Until(() => env.InCatalogueDbAsync(db => db.Scenarios.SingleAsync(s => s.Id == c)), s => s.AwardedAt is null, what: "the catalogue to undo the award");
        var projectC = await ProjectAsync(c, large, 2_500_000m, published[c].AddDays(75));
        await env.PublishAsync(new ProjectCompleted(projectA, a, startup, "Done", "完成", [], published[a].AddDays(200)), Guid.NewGuid());
        var (fundedA, fundedB) = (Guid.NewGuid(), Guid.NewGuid());
        await env.PublishAsync(new FundingDecided(fundedA, Guid.NewGuid(), "PSTS", startup, projectA, a, FundingOutcome.Funded, 600_000m, published[a].AddDays(30)), Guid.NewGuid());
        await env.PublishAsync(new FundingDecided(fundedB, Guid.NewGuid(), "TVP", sme, projectB, b, FundingOutcome.Funded, 300_000m, published[b].AddDays(65)), Guid.NewGuid());
        await env.PublishAsync(new FundingDecided(Guid.NewGuid(), Guid.NewGuid(), "PSTS", large, projectC, c, FundingOutcome.Unfunded, 0m, published[c].AddDays(80)), Guid.NewGuid());
        await env.PublishAsync(new DisbursementReleased(fundedA, Guid.NewGuid(), startup, 250_000m, 450_000m, 600_000m, published[a].AddDays(120)), Guid.NewGuid());
        await env.PublishAsync(new DisbursementReleased(fundedA, Guid.NewGuid(), startup, 200_000m, 200_000m, 600_000m, published[a].AddDays(90)), Guid.NewGuid());
        var (caseA, caseOther) = (Guid.NewGuid(), Guid.NewGuid());
        await env.PublishAsync(new SuccessCasePublished(caseA, a, _department, startup, "Kerbside", "路邊", "Mobility", "transport", [], now), Guid.NewGuid());
        await env.PublishAsync(new SuccessCasePublished(caseOther, null, _department, sme, "Clinics", "診所", "Living", "healthcare", [], now), Guid.NewGuid());
        foreach (var (successCase, sector) in new[] { (caseA, "transport"), (caseA, "transport"), (caseOther, "healthcare") })
        {
            await env.PublishAsync(new ReplicationInterestRegistered(Guid.NewGuid(), successCase, _department, startup, Guid.NewGuid(), sector, "We would like this too", now), Guid.NewGuid());
        }

        var mine = $"departmentId={_department}";
        var stats = await Eventually.Until(() => ProgrammeAsync(mine), s =>
                s.GetProperty("awards").GetProperty("awards").GetInt32() == 3 && s.GetProperty("timing")[1].GetProperty("count").GetInt32() == 3
                && s.GetProperty("funds").EnumerateArray().Sum(f => f.GetProperty("paidHkd").GetDecimal()) == 450_000m
                && s.GetProperty("successBySector").EnumerateArray().Sum(r => r.GetProperty("replicationInterests").GetInt32()) == 3
                && Count(s.GetProperty("scenarios").GetProperty("byStatus"), "Completed") == 1 && Count(s.GetProperty("scenarios").GetProperty("byStatus"), "Cancelled") == 1
                && Count(s.GetProperty("scenarios").GetProperty("byStatus"), "Evaluating") == 1 && s.GetProperty("proposals").GetProperty("scenariosOpened").GetInt32() == 3,
            what: "open data to take in every event of the fixture");

        var scenarios = stats.GetProperty("scenarios");
        Assert.Equal(5, scenarios.GetProperty("published").GetInt32());
        Assert.Equal([("Mobility", 3), ("Environment", 1), ("Living", 1)], Pairs(scenarios.GetProperty("byArea")));
        Assert.Equal([("healthcare", 2), ("transport", 2), ("environment", 1)], Pairs(scenarios.GetProperty("bySector")));
        Assert.Equal([("Open", 0), ("Evaluating", 1), ("Awarded", 2), ("Completed", 1), ("Cancelled", 1)], Pairs(scenarios.GetProperty("byStatus")));
        var batches = scenarios.GetProperty("byBatch").EnumerateArray().ToList();
        Assert.Equal(3, batches.Single(x => x.GetProperty("batchId").GetGuid() == batch).GetProperty("count").GetInt32());
        Assert.Equal(5, batches.Sum(x => x.GetProperty("count").GetInt32()));

        // Proposals 1, 2, 4: median 2; 90th percentile at rank (3 − 1) × 0.9 = 1.8, so 2 + 0.8 × (4 − 2) = 3.6.
        var proposals = stats.GetProperty("proposals");
        Assert.Equal(7, proposals.GetProperty("proposals").GetInt32());
        Assert.Equal(2, proposals.GetProperty("medianPerScenario").GetDouble());
        Assert.Equal(3.6, proposals.GetProperty("percentile90PerScenario").GetDouble(), 6);
        Assert.Equal([a, c, b], proposals.GetProperty("top").EnumerateArray().Select(p => p.GetProperty("scenarioId").GetGuid()));

        // Standing awards: 1,000,000 (startup) + 500,000 (SME) + 2,500,000 (large) = 4,000,000; two of three, 1,500,000 of it.
        var awards = stats.GetProperty("awards");
        Assert.Equal(4_000_000m, awards.GetProperty("valueHkd").GetDecimal());
        Assert.Equal(0.6667, awards.GetProperty("startupAndSmeAwardShare").GetDouble());
        Assert.Equal(0.375, awards.GetProperty("startupAndSmeValueShare").GetDouble());
        var bySize = awards.GetProperty("bySize").EnumerateArray().ToDictionary(s => s.GetProperty("sizeClass").GetString()!);
        Assert.Equal(0.25, bySize["Startup"].GetProperty("valueShare").GetDouble());
        Assert.Equal(0.625, bySize["Large"].GetProperty("valueShare").GetDouble());
        Assert.Equal(0.3333, bySize["SME"].GetProperty("awardShare").GetDouble());
        Assert.Equal(0, bySize["Unknown"].GetProperty("awards").GetInt32());

        // Publication to award 20, 40, 75 days (the cancelled award does not count): median 40, p90 40 + 0.8 × 35 = 68.
        // Award to decision 10, 25, 5 days: median 10, p90 10 + 0.8 × 15 = 22.
        var timing = stats.GetProperty("timing").EnumerateArray().ToDictionary(t => t.GetProperty("measure").GetString()!);
        Assert.Equal(40, timing[TimingMeasures.PublicationToAward].GetProperty("medianDays").GetDouble());
        Assert.Equal(68, timing[TimingMeasures.PublicationToAward].GetProperty("percentile90Days").GetDouble(), 6);
        Assert.Equal(10, timing[TimingMeasures.AwardToFundingDecision].GetProperty("medianDays").GetDouble());
        Assert.Equal(22, timing[TimingMeasures.AwardToFundingDecision].GetProperty("percentile90Days").GetDouble(), 6);

        var funds = stats.GetProperty("funds").EnumerateArray().ToDictionary(f => f.GetProperty("schemeCode").GetString()!);
        Assert.Equal(["PSTS", "TVP"], funds.Keys);
        Assert.Equal((1, 600_000m, 450_000m), Funds(funds["PSTS"]));
        Assert.Equal((1, 300_000m, 0m), Funds(funds["TVP"]));

        Assert.Equal([("transport", 1, 2), ("healthcare", 1, 1)], stats.GetProperty("successBySector").EnumerateArray()
            .Select(r => (r.GetProperty("sector").GetString()!, r.GetProperty("successCases").GetInt32(), r.GetProperty("replicationInterests").GetInt32())));

        // By batch: only A, B and E, and what followed them (A's success case, B's and A's funds).
        var inBatch = await ProgrammeAsync($"batchId={batch}");
        Assert.Equal([("Mobility", 3)], Pairs(inBatch.GetProperty("scenarios").GetProperty("byArea")));
        Assert.Equal(1.0, inBatch.GetProperty("awards").GetProperty("startupAndSmeAwardShare").GetDouble());
        Assert.Equal([("transport", 1, 2)], inBatch.GetProperty("successBySector").EnumerateArray()
            .Select(r => (r.GetProperty("sector").GetString()!, r.GetProperty("successCases").GetInt32(), r.GetProperty("replicationInterests").GetInt32())));
        // The bulk download's batch and year filters select the same processes.
        var year = published[a].ToOffset(TimeSpan.FromHours(8)).Year.ToString(CultureInfo.InvariantCulture);
        var lines = (await env.OpenDataClient().GetStringAsync($"/api/opendata/downloads/releases.jsonl?batchId={batch}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { a, b, e }.Order(), lines.Select(l => Guid.Parse(JsonDocument.Parse(l).RootElement.GetProperty("ocid").GetString()![^36..])).Distinct().Order());
        var ofYear = await env.OpenDataClient().GetStringAsync($"/api/opendata/downloads/releases.jsonl?year={year}&departmentId={_department}");
        Assert.Equal(5, ofYear.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("ocid").GetString()).Distinct().Count());
        Assert.Empty(await env.OpenDataClient().GetStringAsync($"/api/opendata/downloads/releases.jsonl?year=2001&departmentId={_department}"));

        // Each figure's CSV holds the JSON's rows, headers named as the JSON's properties.
        foreach (var (figure, path) in s_csvFigures)
        {
            var csv = await env.OpenDataClient().GetAsync($"/api/opendata/statistics/{figure}.csv?{mine}");
            await csv.ShouldBe(HttpStatusCode.OK);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            AssertCsvMatches(path(stats), await csv.Content.ReadAsStringAsync(), figure);
        }
    }

    [Fact]
    public async Task Open_data_statistics_are_public_refuse_a_bad_year_and_name_only_known_figures()
    {
        var anonymous = env.OpenDataClient();
        await (await anonymous.GetAsync("/api/opendata/statistics")).ShouldBe(HttpStatusCode.OK);
        var badYear = await anonymous.GetAsync("/api/opendata/statistics?year=1999");
        await badYear.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await badYear.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("year", out _));
        await (await anonymous.GetAsync("/api/opendata/statistics/salaries.csv")).ShouldBe(HttpStatusCode.NotFound);
    }

    private static readonly (string Figure, Func<JsonElement, JsonElement> Rows)[] s_csvFigures =
    [
        ("scenarios-by-area", s => s.GetProperty("scenarios").GetProperty("byArea")),
        ("scenarios-by-sector", s => s.GetProperty("scenarios").GetProperty("bySector")),
        ("scenarios-by-status", s => s.GetProperty("scenarios").GetProperty("byStatus")),
        ("scenarios-by-batch", s => s.GetProperty("scenarios").GetProperty("byBatch")),
        ("proposals-per-scenario", s => s.GetProperty("proposals").GetProperty("top")),
        ("awards-by-size", s => s.GetProperty("awards").GetProperty("bySize")),
        ("timing", s => s.GetProperty("timing")),
        ("funds-by-scheme", s => s.GetProperty("funds")),
        ("success-by-sector", s => s.GetProperty("successBySector")),
    ];

    private static void AssertCsvMatches(JsonElement rows, string csv, string figure)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var expected = rows.EnumerateArray().ToList();
        Assert.True(expected.Count > 0, $"{figure} has rows to compare");
        var headers = lines[0].Split(',');
        Assert.Equal(expected[0].EnumerateObject().Select(p => p.Name), headers);
        Assert.Equal(expected.Count, lines.Count - 1);
        for (var i = 0; i < expected.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            for (var j = 0; j < headers.Length; j++)
            {
                var value = expected[i].GetProperty(headers[j]);
                switch (value.ValueKind)
                {
                    case JsonValueKind.Number:
                        Assert.Equal(value.GetDecimal(), decimal.Parse(cells[j], CultureInfo.InvariantCulture));
                        break;
                    case JsonValueKind.Null:
                        Assert.Equal("", cells[j]);
                        break;
                    default:
                        Assert.Equal(value.GetString(), cells[j]);
                        break;
                }
            }
        }
    }

    private static List<(string, int)> Pairs(JsonElement list) =>
        [.. list.EnumerateArray().Select(e => (e.GetProperty("value").GetString()!, e.GetProperty("count").GetInt32()))];

    private static (int, decimal, decimal) Funds(JsonElement row) =>
        (row.GetProperty("fundedApplications").GetInt32(), row.GetProperty("committedHkd").GetDecimal(), row.GetProperty("paidHkd").GetDecimal());

    private async Task<Guid> InBatchAsync(HttpClient officer, Guid batch, JsonObject body)
    {
        var id = (await ScenarioBuilder.CreateAsync(officer, body)).GetProperty("id").GetGuid();
        await (await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/submit", new { batchId = batch })).ShouldBe(HttpStatusCode.OK);
        await (await env.CatalogueClient().As(Roles.Admin, null).PostAsync($"/api/catalogue/scenarios/{id}/approve", null)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    /// <summary>An award as matching announces it; waits for the catalogue, which refuses a second award before the first is undone.</summary>
    private async Task<Guid> ProjectAsync(Guid scenario, Guid vendor, decimal price, DateTimeOffset awardedAt)
    {
        var project = Guid.NewGuid();
        await env.PublishAsync(new ProjectAwarded(project, scenario, _department, vendor, Guid.NewGuid(), "Summary", price, 12, [], awardedAt, awardedAt.AddDays(10)), Guid.NewGuid());
        await Eventually.Until(() => env.InCatalogueDbAsync(db => db.Scenarios.SingleAsync(s => s.Id == scenario)), s => s.AwardedAt is { } at && Math.Abs((at - awardedAt).TotalSeconds) < 1,
            what: "the catalogue to record the award");
        return project;
    }
}
