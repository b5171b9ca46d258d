using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Funding;
using Marketplace.Contracts.Identity;
using Marketplace.Contracts.Matching;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Matching.Notifications;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Matching;

/// <summary>Vendor profiles built from events and the recommendations served from them; run once per runtime mode.</summary>
public abstract class RecommendationTests(MarketplaceEnvironment env)
{
    private readonly Guid _department = Guid.NewGuid();

    private async Task<Guid> VendorAsync(string name, SizeClass size, string[] capabilities, string[] sectors, string summary)
    {
        var vendor = Guid.NewGuid();
        var now = env.Clock.GetUtcNow();
        await env.PublishAsync(new OrganisationRegistered(vendor, OrganisationType.Vendor, name, "供應商", "12345678", size, OrganisationStatus.Pending, now), Guid.NewGuid());
        await env.PublishAsync(new OrganisationApproved(vendor, OrganisationType.Vendor, now.AddMinutes(1)), Guid.NewGuid());
        await env.PublishAsync(new SolutionPublished(Guid.NewGuid(), vendor, name + " platform", "平台", summary, "方案摘要", capabilities, sectors, now), Guid.NewGuid());
        return vendor;
    }

    [Fact]
    public async Task A_department_sees_the_vendors_who_can_solve_its_scenario_with_reasons_and_a_vendor_its_scenarios()
    {
        var word = "glaucoma" + Guid.NewGuid().ToString("N")[..5];
        var startup = await VendorAsync("Retina Startup", SizeClass.Startup, ["computer-vision", "forecasting"], ["healthcare"], $"Screening for {word} in clinics");
        var large = await VendorAsync("Big Systems", SizeClass.Large, ["computer-vision"], ["finance"], "Core banking");
        var unrelated = await VendorAsync("Forklift Robots", SizeClass.SME, ["robotics"], ["logistics"], "Warehouse robots");
        // A completed healthcare project of the large vendor, delivered twice (redelivery): counted once.
        var project = Guid.NewGuid();
        var awardId = Guid.NewGuid();
        var award = new ProjectAwarded(project, Guid.NewGuid(), Guid.NewGuid(), large, Guid.NewGuid(), "x", 1m, 1, [], env.Clock.GetUtcNow(), env.Clock.GetUtcNow().AddDays(10));
        await env.PublishAsync(award, awardId);
        await env.PublishAsync(award, awardId);
        await env.PublishAsync(new ProjectCompleted(project, award.ScenarioId, large, "done", "完成", [], env.Clock.GetUtcNow()), Guid.NewGuid());

        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, _department);
        var body = ScenarioBuilder.ValidBody($"Early {word} detection", "Living", "healthcare", "computer-vision", "forecasting");
        var scenario = (await ScenarioBuilder.CreatePublishedAsync(env, officer, body)).GetProperty("id").GetGuid();

        var matching = env.MatchingClient().As(Roles.DepartmentOfficer, _department);
        async Task<JsonElement> RecommendedAsync()
        {
            var response = await matching.GetAsync($"/api/matching/scenarios/{scenario}/recommended-vendors");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }
        var ranked = await Eventually.Until(RecommendedAsync,
            r => r.ValueKind == JsonValueKind.Array && r.EnumerateArray().Any(v => v.GetProperty("vendorId").GetGuid() == large)
                && r.EnumerateArray().Any(v => v.GetProperty("vendorId").GetGuid() == startup)
                && r.EnumerateArray().Single(v => v.GetProperty("vendorId").GetGuid() == large).GetProperty("reasons").EnumerateArray()
                    .Any(x => x.GetProperty("code").GetString() == "track-record" && x.GetProperty("en").GetString()!.Contains("1 completed", StringComparison.Ordinal)),
            what: "the vendors, the completion and the scenario to reach matching's read models");
        var list = ranked.EnumerateArray().ToList();
        Assert.Equal(startup, list[0].GetProperty("vendorId").GetGuid());
        Assert.DoesNotContain(list, v => v.GetProperty("vendorId").GetGuid() == unrelated);
        var reasons = list[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("en").GetString()).ToList();
        Assert.Contains("covers 2 of 2 required capabilities", reasons);
        Assert.Contains("startup", reasons);
        Assert.Contains(reasons, r => r!.Contains(word, StringComparison.Ordinal));
        var record = list.Single(v => v.GetProperty("vendorId").GetGuid() == large).GetProperty("reasons").EnumerateArray()
            .Single(r => r.GetProperty("code").GetString() == "track-record").GetProperty("en").GetString();
        Assert.Equal("1 award, 1 completed, 0 published success cases", record);

        // The same request again gives the same answer (deterministic, served from memory).
        Assert.Equal(ranked.ToString(), (await matching.GetFromJsonAsync<JsonElement>($"/api/matching/scenarios/{scenario}/recommended-vendors")).ToString());
        await (await env.MatchingClient().As(Roles.DepartmentOfficer, Guid.NewGuid()).GetAsync($"/api/matching/scenarios/{scenario}/recommended-vendors"))
            .ShouldBe(HttpStatusCode.Forbidden);
        await (await matching.GetAsync($"/api/matching/scenarios/{scenario}/recommended-vendors?top=0")).ShouldBe(HttpStatusCode.BadRequest);

        var forVendor = await env.MatchingClient().As(Roles.Vendor, startup).GetFromJsonAsync<JsonElement>("/api/matching/recommended-scenarios");
        var mine = forVendor.EnumerateArray().Single(s => s.GetProperty("scenarioId").GetGuid() == scenario);
        Assert.Equal(mine.GetProperty("reasons").EnumerateArray().Sum(r => r.GetProperty("points").GetInt32()), mine.GetProperty("score").GetInt32());
        Assert.Equal(mine.GetProperty("score").GetInt32() >= 70, mine.GetProperty("strong").GetBoolean());
        Assert.True(mine.GetProperty("score").GetInt32() >= 60, mine.ToString());
        Assert.DoesNotContain((await env.MatchingClient().As(Roles.Vendor, unrelated).GetFromJsonAsync<JsonElement>("/api/matching/recommended-scenarios")).EnumerateArray(),
            s => s.GetProperty("scenarioId").GetGuid() == scenario);
    }

    [Fact]
    public async Task Vendors_that_fit_a_scenario_strongly_are_notified_once_in_both_languages_and_only_in_their_own_inbox()
    {
        // Capabilities and sector apart from the other tests' scenarios, so these vendors do not enter their rankings.
        var word = "dyslexia" + Guid.NewGuid().ToString("N")[..5];
        var text = $"Early {word} screening from reading-aloud recordings; spoken feedback for pupils and teachers";
        var strong = await VendorAsync("Reading Voice", SizeClass.Startup, ["speech", "nlp"], ["education"], text);
        var weak = await VendorAsync("Ledger Corp", SizeClass.Large, ["nlp"], ["finance"], "Core banking ledgers");

        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, _department);
        var body = ScenarioBuilder.ValidBody($"Early {word} screening from reading-aloud recordings", "People", "education", "speech", "nlp");
        var scenario = (await ScenarioBuilder.CreatePublishedAsync(env, officer, body)).GetProperty("id").GetGuid();
        var notifier = env.MatchingServices.GetRequiredService<StrongMatchNotifier>();

        async Task<JsonElement> InboxAsync(Guid vendor, string query = "", string language = "en")
        {
            var client = env.MatchingClient().As(Roles.Vendor, vendor);
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            return await client.GetFromJsonAsync<JsonElement>("/api/matching/notifications" + query);
        }
        static List<JsonElement> About(JsonElement inbox, Guid scenario) =>
            inbox.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("scenarioId").GetGuid() == scenario).ToList();

        var inbox = await Eventually.Until(async () =>
        {
            await notifier.NotifyAllAsync(CancellationToken.None);
            return await InboxAsync(strong);
        }, i => About(i, scenario).Count > 0, what: "the strong match to be noticed");
        var notice = Assert.Single(About(inbox, scenario));
        Assert.Equal("StrongMatch", notice.GetProperty("kind").GetString());
        Assert.Equal($"Strong match: Early {word} screening from reading-aloud recordings", notice.GetProperty("title").GetString());
        Assert.Contains("covers 2 of 2 required capabilities", notice.GetProperty("bodyEn").GetString());
        Assert.Contains("初創企業", notice.GetProperty("bodyZh").GetString());
        Assert.Contains("Hong Kong time", notice.GetProperty("bodyEn").GetString());
        Assert.StartsWith("高度配對：", About(await InboxAsync(strong, language: "zh-HK"), scenario)[0].GetProperty("title").GetString());
        var recommended = await env.MatchingClient().As(Roles.Vendor, strong).GetFromJsonAsync<JsonElement>("/api/matching/recommended-scenarios");
        Assert.True(recommended.EnumerateArray().Single(s => s.GetProperty("scenarioId").GetGuid() == scenario).GetProperty("strong").GetBoolean());
        Assert.Empty(About(await InboxAsync(weak), scenario));

        // The same event again (new message id, so past the inbox) and more passes: still one notice.
        var published = await env.InMatchingDbAsync(db => db.OpenScenarios.AsNoTracking().SingleAsync(s => s.ScenarioId == scenario));
        await env.PublishAsync(new ScenarioPublished(scenario, _department, null, published.TitleEn, published.TitleZh, published.ProblemEn, published.ProblemZh,
            published.Area, published.Sector, published.Capabilities, published.BudgetMinHkd, published.BudgetMaxHkd, "HongKongOnly", ["PSTS"], published.ProposalDeadline!.Value,
            published.PublishedAt!.Value), Guid.NewGuid());
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.Where(s => s.ScenarioId == scenario).Select(s => s.MatchRevision).SingleAsync()),
            revision => revision > published.MatchRevision, what: "the redelivered publication to be consumed");
        await notifier.NotifyAllAsync(CancellationToken.None);
        await notifier.NotifyAllAsync(CancellationToken.None);
        Assert.Single(About(await InboxAsync(strong), scenario));

        // A vendor that publishes a fitting solution later hears of the open scenario too.
        var latecomer = await VendorAsync("Late Reading AI", SizeClass.Startup, ["speech", "nlp"], ["education"], text);
        await Eventually.Until(async () =>
        {
            await notifier.NotifyAllAsync(CancellationToken.None);
            return await InboxAsync(latecomer, "?kind=StrongMatch");
        }, i => About(i, scenario).Count == 1, what: "the late vendor's strong match");

        // Read state belongs to the vendor's own inbox; another vendor can neither see nor mark it.
        var id = notice.GetProperty("id").GetGuid();
        var before = inbox.GetProperty("unreadCount").GetInt32();
        await (await env.MatchingClient().As(Roles.Vendor, weak).PostAsync($"/api/matching/notifications/{id}/read", null)).ShouldBe(HttpStatusCode.NotFound);
        var read = await env.MatchingClient().As(Roles.Vendor, strong).PostAsync($"/api/matching/notifications/{id}/read", null);
        await read.ShouldBe(HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("readAt").ValueKind);
        Assert.Equal(before - 1, (await InboxAsync(strong)).GetProperty("unreadCount").GetInt32());
        Assert.Empty(About(await InboxAsync(strong, "?unreadOnly=true"), scenario));
        await (await env.MatchingClient().As(Roles.Vendor, strong).PostAsync("/api/matching/notifications/read-all", null)).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal(0, (await InboxAsync(strong)).GetProperty("unreadCount").GetInt32());
        var badKind = await env.MatchingClient().As(Roles.Vendor, strong).GetAsync("/api/matching/notifications?kind=Gossip&pageSize=500");
        await badKind.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await badKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _) && errors.TryGetProperty("pageSize", out _), errors.ToString());
    }
}

public sealed class RecommendationTests_Standalone(StandaloneEnvironment env) : RecommendationTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class RecommendationTests_Distributed(DistributedEnvironment env) : RecommendationTests(env), IClassFixture<DistributedEnvironment>;
