using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Contracts.Identity;
using Marketplace.Contracts.Matching;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.IntegrationTests.Statistics;

/// <summary>
/// The administrators' statistics of catalogue and matching, counted by the databases; run once per runtime mode.
/// Other tests of the class share the environment, so each compares the figures before and after its own data.
/// </summary>
public abstract partial class StatisticsTests(MarketplaceEnvironment env)
{
    private readonly Guid _department = Guid.NewGuid();

    private HttpClient Officer() => env.CatalogueClient().As(Roles.DepartmentOfficer, _department);

    private Task<JsonElement> CatalogueStatisticsAsync() =>
        env.CatalogueClient().As(Roles.Admin, null).GetFromJsonAsync<JsonElement>("/api/catalogue/statistics");

    private Task<JsonElement> MatchingStatisticsAsync() =>
        env.MatchingClient().As(Roles.Admin, null).GetFromJsonAsync<JsonElement>("/api/matching/statistics");

    private static int Count(JsonElement list, string value, string name = "value", string count = "count") =>
        list.EnumerateArray().Where(e => e.GetProperty(name).GetString() == value).Select(e => e.GetProperty(count).GetInt32()).SingleOrDefault();

    /// <summary>An award as matching announces it, <paramref name="days"/> after the scenario's publication.</summary>
    private async Task AwardAsync(Guid scenario, Guid vendor, int days)
    {
        var publishedAt = (await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{scenario}")).GetProperty("publishedAt").GetDateTimeOffset();
        var awardedAt = publishedAt.AddDays(days).AddHours(3);
        var project = Guid.NewGuid();
        await env.PublishAsync(new ProjectAwarded(project, scenario, _department, vendor, Guid.NewGuid(), "Summary", 1_500_000m, 12, [],
            awardedAt, awardedAt.AddDays(10)), Guid.NewGuid());
        await Eventually.Until(() => env.InCatalogueDbAsync(db => db.Scenarios.SingleAsync(s => s.Id == scenario)), s => s.AwardedAt is not null,
            what: "the catalogue to record the award");
        // Matching counts it too: wait, so that no later test of this class sees it arrive between its own before and after.
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.VendorProjects.AnyAsync(p => p.ProjectId == project)), k => k,
            what: "matching to record the award");
    }

    private async Task<Guid> PublishedAsync(HttpClient officer, System.Text.Json.Nodes.JsonObject body)
    {
        var draft = (await ScenarioBuilder.CreateAsync(officer, body)).GetProperty("id").GetGuid();
        return (await ScenarioBuilder.PublishAsync(env, officer, draft, deadlineInDays: 15)).GetProperty("id").GetGuid();
    }

    private async Task<Guid> VendorAsync(SizeClass size)
    {
        var vendor = Guid.NewGuid();
        var now = env.Clock.GetUtcNow();
        await env.PublishAsync(new OrganisationRegistered(vendor, OrganisationType.Vendor, "Statistics vendor", "統計供應商", null, size, OrganisationStatus.Approved, now),
            Guid.NewGuid());
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.VendorProfiles.AnyAsync(v => v.Id == vendor && v.SizeClass == size)), k => k,
            what: "matching to learn the vendor's size");
        return vendor;
    }

    [Fact]
    public async Task The_catalogue_counts_scenarios_by_area_and_status_and_times_publication_to_award_in_whole_days()
    {
        var before = await CatalogueStatisticsAsync();
        var officer = Officer();
        await ScenarioBuilder.CreateAsync(officer, ScenarioBuilder.ValidBody("Harbour water quality forecasting", "Environment", "environment"));
        // Deadlines 15 days out, so that both awards come after them.
        var first = await PublishedAsync(officer, ScenarioBuilder.ValidBody("Bus arrival prediction", "Mobility", "transport"));
        var second = await PublishedAsync(officer, ScenarioBuilder.ValidBody("Ward bed flow", "Living", "healthcare"));
        await AwardAsync(first, Guid.NewGuid(), 20);
        await AwardAsync(second, Guid.NewGuid(), 75);

        var after = await CatalogueStatisticsAsync();

        // Every area and every status is listed, also with nothing in it.
        Assert.Equal(["Mobility", "Living", "Environment", "People", "Government", "Economy"],
            after.GetProperty("byArea").EnumerateArray().Select(a => a.GetProperty("value").GetString()));
        Assert.Contains("Unsuccessful", after.GetProperty("byStatus").EnumerateArray().Select(a => a.GetProperty("value").GetString()));
        Assert.Equal(1, Count(after.GetProperty("byArea"), "Mobility") - Count(before.GetProperty("byArea"), "Mobility"));
        Assert.Equal(1, Count(after.GetProperty("byArea"), "Environment") - Count(before.GetProperty("byArea"), "Environment"));
        Assert.Equal(1, Count(after.GetProperty("byStatus"), "Draft") - Count(before.GetProperty("byStatus"), "Draft"));
        // Moving the clock for these awards may carry another test's awarded scenario past its standstill into delivery:
        // the awarded-or-later total is what these two awards change.
        string[] awardedOrLater = ["Awarded", "InDelivery", "Completed"];
        Assert.Equal(2, awardedOrLater.Sum(s => Count(after.GetProperty("byStatus"), s) - Count(before.GetProperty("byStatus"), s)));

        var timing = after.GetProperty("timeToAward");
        var earlier = before.GetProperty("timeToAward");
        Assert.Equal(2, timing.GetProperty("awards").GetInt32() - earlier.GetProperty("awards").GetInt32());
        Assert.Equal(1, Count(timing.GetProperty("buckets"), "UpTo30") - Count(earlier.GetProperty("buckets"), "UpTo30"));
        Assert.Equal(1, Count(timing.GetProperty("buckets"), "From61To90") - Count(earlier.GetProperty("buckets"), "From61To90"));
        if (earlier.GetProperty("awards").GetInt32() == 0)
        {
            Assert.Equal(47.5, timing.GetProperty("medianDays").GetDouble());
            Assert.Equal(20, timing.GetProperty("shortestDays").GetInt32());
            Assert.Equal(75, timing.GetProperty("longestDays").GetInt32());
        }
    }

    [Fact]
    public async Task Matching_counts_submitted_proposals_per_scenario_and_standing_awards_by_the_vendors_size()
    {
        var before = await MatchingStatisticsAsync();
        var scenario = (await ScenarioBuilder.CreatePublishedAsync(env, Officer(), ScenarioBuilder.ValidBody("Slope crack detection by drone", "Environment", "low-altitude-economy")))
            .GetProperty("id").GetGuid();
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.AnyAsync(s => s.ScenarioId == scenario && s.PublishedAt != null)), k => k,
            what: "matching to learn of the scenario");
        var startup = await VendorAsync(SizeClass.Startup);
        var large = await VendorAsync(SizeClass.Large);
        await SubmitProposalAsync(scenario, startup);
        await SubmitProposalAsync(scenario, large);
        await SubmitProposalAsync(scenario, Guid.NewGuid(), submit: false);

        // Each award is of a scenario the catalogue holds, as in a real run (the catalogue records every award too).
        var projects = new List<Guid>();
        var awarded = new List<Guid>();
        foreach (var vendor in new[] { startup, startup, large })
        {
            var other = projects.Count == 0 ? scenario
                : (await ScenarioBuilder.CreatePublishedAsync(env, Officer(), ScenarioBuilder.ValidBody("Tree risk survey", "Environment", "environment"))).GetProperty("id").GetGuid();
            var project = Guid.NewGuid();
            projects.Add(project);
            awarded.Add(other);
            // After the 30-day deadline: the catalogue awards only closed scenarios.
            var awardedAt = env.Clock.GetUtcNow().AddDays(31);
            await env.PublishAsync(new ProjectAwarded(project, other, _department, vendor, Guid.NewGuid(), "Summary", 900_000m, 6, [],
                awardedAt, awardedAt.AddDays(10)), Guid.NewGuid());
        }
        await Eventually.Until(() => env.InCatalogueDbAsync(db => db.Scenarios.CountAsync(s => awarded.Contains(s.Id) && s.AwardedAt != null)), n => n == 3,
            what: "the catalogue to record the awards");
        // A cancelled award no longer counts.
        await env.PublishAsync(new AwardCancelled(projects[2], awarded[2], "Conflict found", env.Clock.GetUtcNow().AddDays(32)), Guid.NewGuid());
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.VendorProjects.CountAsync(p => projects.Contains(p.ProjectId) && (p.VendorId != large || p.CancelledAt != null))),
            n => n == 3, what: "matching to record the awards and the cancellation");

        var after = await MatchingStatisticsAsync();

        var row = after.GetProperty("proposalsPerScenario").EnumerateArray().Single(r => r.GetProperty("scenarioId").GetGuid() == scenario);
        Assert.Equal(2, row.GetProperty("proposals").GetInt32());
        Assert.Equal("Slope crack detection by drone", row.GetProperty("titleEn").GetString());
        Assert.Equal(2, after.GetProperty("submittedProposals").GetInt32() - before.GetProperty("submittedProposals").GetInt32());
        Assert.Equal(1, after.GetProperty("scenariosWithProposals").GetInt32() - before.GetProperty("scenariosWithProposals").GetInt32());
        Assert.Equal(2, Count(after.GetProperty("awardsBySize"), "Startup", "sizeClass", "awards") - Count(before.GetProperty("awardsBySize"), "Startup", "sizeClass", "awards"));
        Assert.Equal(0, Count(after.GetProperty("awardsBySize"), "Large", "sizeClass", "awards") - Count(before.GetProperty("awardsBySize"), "Large", "sizeClass", "awards"));
        Assert.Equal(2, after.GetProperty("awards").GetInt32() - before.GetProperty("awards").GetInt32());
    }

    [Fact]
    public async Task Only_administrators_read_the_statistics()
    {
        await (await env.CatalogueClient().As(Roles.DepartmentOfficer, _department).GetAsync("/api/catalogue/statistics")).ShouldBe(HttpStatusCode.Forbidden);
        await (await env.MatchingClient().As(Roles.Vendor, Guid.NewGuid()).GetAsync("/api/matching/statistics")).ShouldBe(HttpStatusCode.Forbidden);
        await (await env.CatalogueClient().GetAsync("/api/catalogue/statistics")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task SubmitProposalAsync(Guid scenario, Guid vendor, bool submit = true)
    {
        var client = env.MatchingClient().As(Roles.Vendor, vendor);
        var created = await client.PostAsJsonAsync($"/api/matching/scenarios/{scenario}/proposals", new
        {
            approach = "Drone imagery with crack segmentation", priceHkd = 1_200_000m, durationMonths = 9, dataResidencyCompliant = true,
            supportLevel = "Office hours", teamRoles = new[] { new { skill = "Computer vision engineer", seniority = "Senior" } },
        });
        await created.ShouldBe(HttpStatusCode.Created);
        if (submit)
        {
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await (await client.PostAsync($"/api/matching/proposals/{id}/submit", null)).ShouldBe(HttpStatusCode.OK);
        }
    }
}

public sealed class StatisticsTests_Standalone(StandaloneEnvironment env) : StatisticsTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class StatisticsTests_Distributed(DistributedEnvironment env) : StatisticsTests(env), IClassFixture<DistributedEnvironment>;
