using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Catalogue.Alerts;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Catalogue;

/// <summary>Saved searches, mutes, the inbox and the daily digest; run once per runtime mode (own environment: the digest moves the clock).</summary>
public abstract class AlertsTests(MarketplaceEnvironment env)
{
    private readonly Guid _department = Guid.NewGuid();

    private HttpClient Officer() => env.CatalogueClient().As(Roles.DepartmentOfficer, _department);

    private static async Task<Guid> SaveAsync(HttpClient client, object search)
    {
        var response = await client.PostAsJsonAsync("/api/catalogue/saved-searches", search);
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> InboxAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>("/api/catalogue/notifications?pageSize=100");

    [Fact]
    public async Task An_instant_saved_search_is_told_of_matching_publications_and_amendments_until_the_scenario_is_muted()
    {
        var word = "quokka" + Guid.NewGuid().ToString("N")[..6];
        var vendor = env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid(), $"vendor-{Guid.NewGuid():N}");
        var other = env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid(), $"vendor-{Guid.NewGuid():N}");
        await SaveAsync(vendor, new { name = "Quokkas in healthcare", query = word, sector = "healthcare", frequency = "Instant" });
        await SaveAsync(other, new { name = "Quokkas, quietly", query = word, frequency = "Off" });
        var bad = await vendor.PostAsJsonAsync("/api/catalogue/saved-searches", new { name = "", frequency = "Hourly", sector = "astrology" });
        await bad.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("frequency", out _) && errors.TryGetProperty("sector", out _));

        var matching = ScenarioBuilder.ValidBody($"Triage helper {word}");
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, Officer(), matching)).GetProperty("id").GetGuid();
        await ScenarioBuilder.CreatePublishedAsync(env, Officer(), ScenarioBuilder.ValidBody($"Bus timetable {word}", "Mobility", "transport"));

        var inbox = await Eventually.Until(() => InboxAsync(vendor), i => i.GetProperty("totalCount").GetInt32() >= 1, what: "the instant alert");
        var alert = Assert.Single(inbox.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(id, alert.GetProperty("scenarioId").GetGuid());
        Assert.Equal("ScenarioPublished", alert.GetProperty("kind").GetString());
        Assert.StartsWith("新情境：", alert.GetProperty("titleZh").GetString());
        Assert.Equal(1, inbox.GetProperty("unreadCount").GetInt32());
        Assert.Equal(0, (await InboxAsync(other)).GetProperty("totalCount").GetInt32());

        // Someone else's notification is not theirs to read.
        var alertId = alert.GetProperty("id").GetGuid();
        await (await other.PostAsync($"/api/catalogue/notifications/{alertId}/read", null)).ShouldBe(HttpStatusCode.NotFound);
        await (await vendor.PostAsync($"/api/catalogue/notifications/{alertId}/read", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, (await InboxAsync(vendor)).GetProperty("unreadCount").GetInt32());

        // An amendment is announced too.
        var amended = ScenarioBuilder.ValidBody($"Triage helper {word} v2");
        await (await Officer().PostAsJsonAsync($"/api/catalogue/scenarios/{id}/amend", new { scenario = amended, summaryEn = "Renamed", summaryZh = "改名" })).ShouldBe(HttpStatusCode.OK);
        inbox = await Eventually.Until(() => InboxAsync(vendor), i => i.GetProperty("totalCount").GetInt32() == 2, what: "the amendment alert");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "ScenarioAmended");
        Assert.Equal(1, (await vendor.GetFromJsonAsync<JsonElement>("/api/catalogue/notifications?unreadOnly=true")).GetProperty("totalCount").GetInt32());
        await (await vendor.PostAsync("/api/catalogue/notifications/read-all", null)).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal(0, (await InboxAsync(vendor)).GetProperty("unreadCount").GetInt32());

        // Muted: the next amendment says nothing, and the mute is the caller's to see (not another person's).
        Assert.False((await vendor.GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}/mute")).GetProperty("muted").GetBoolean());
        await (await vendor.PostAsync($"/api/catalogue/scenarios/{id}/mute", null)).ShouldBe(HttpStatusCode.NoContent);
        var state = await vendor.GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}/mute");
        Assert.True(state.GetProperty("muted").GetBoolean());
        Assert.Equal(JsonValueKind.String, state.GetProperty("mutedAt").ValueKind);
        var colleague = env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid(), $"vendor-{Guid.NewGuid():N}");
        Assert.False((await colleague.GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}/mute")).GetProperty("muted").GetBoolean());
        var again = ScenarioBuilder.ValidBody($"Triage helper {word} v3");
        await (await Officer().PostAsJsonAsync($"/api/catalogue/scenarios/{id}/amend", new { scenario = again, summaryEn = "Renamed again", summaryZh = "再改名" })).ShouldBe(HttpStatusCode.OK);
        await Eventually.Until(() => env.InCatalogueDbAsync(db => Task.FromResult(db.InboxMessages.Count(m => m.Consumer == "ScenarioAmendedAlertConsumer"))),
            n => n >= 2, what: "the second amendment to be processed");
        Assert.Equal(2, (await InboxAsync(vendor)).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_daily_saved_search_gathers_its_matches_into_one_digest_at_the_configured_Hong_Kong_hour_each_day()
    {
        // 07:00 in Hong Kong, an hour before the digest hour (Catalogue:DigestHourHongKong, 8 by default).
        var local = env.Clock.GetUtcNow().ToOffset(HongKongTime.Offset);
        var sevenToday = new DateTimeOffset(local.Year, local.Month, local.Day, 7, 0, 0, HongKongTime.Offset);
        env.Clock.Advance((sevenToday > local ? sevenToday : sevenToday.AddDays(1)) - local);

        var word = "wombat" + Guid.NewGuid().ToString("N")[..6];
        var vendor = env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid(), $"vendor-{Guid.NewGuid():N}");
        await SaveAsync(vendor, new { name = "Wombats", query = word, frequency = "Daily" });
        await ScenarioBuilder.CreatePublishedAsync(env, Officer(), ScenarioBuilder.ValidBody($"First {word}"));
        await ScenarioBuilder.CreatePublishedAsync(env, Officer(), ScenarioBuilder.ValidBody($"Second {word}"));
        await Eventually.Until(() => env.InCatalogueDbAsync(db => Task.FromResult(db.Notifications.Count(n => n.DigestPending && n.TitleEn.Contains(word)))),
            n => n == 2, what: "both matches queued for the digest");

        // Before the hour nothing goes out, not even a search's first digest.
        var digests = env.CatalogueServices.GetRequiredService<DailyDigests>();
        await digests.SendDueAsync(CancellationToken.None);
        Assert.Equal(0, (await InboxAsync(vendor)).GetProperty("totalCount").GetInt32());

        env.Clock.Advance(TimeSpan.FromHours(1));
        await digests.SendDueAsync(CancellationToken.None);
        var inbox = await InboxAsync(vendor);
        var digest = Assert.Single(inbox.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal("DailyDigest", digest.GetProperty("kind").GetString());
        Assert.Contains($"First {word}", digest.GetProperty("bodyEn").GetString());
        Assert.Contains($"Second {word}", digest.GetProperty("bodyEn").GetString());
        Assert.Contains("2", digest.GetProperty("titleZh").GetString());

        // The next match waits for the next day's hour: not later that day, not at midnight, not 24 hours after a late round.
        env.Clock.Advance(TimeSpan.FromMinutes(30));
        await ScenarioBuilder.CreatePublishedAsync(env, Officer(), ScenarioBuilder.ValidBody($"Third {word}"));
        await Eventually.Until(() => env.InCatalogueDbAsync(db => Task.FromResult(db.Notifications.Count(n => n.DigestPending && n.TitleEn.Contains(word)))),
            n => n == 1, what: "the third match queued");
        foreach (var step in new[] { TimeSpan.FromHours(15), TimeSpan.FromHours(1), TimeSpan.FromHours(7) })
        {
            env.Clock.Advance(step);
            await digests.SendDueAsync(CancellationToken.None);
            Assert.Equal(1, (await InboxAsync(vendor)).GetProperty("totalCount").GetInt32());
        }
        // 08:00 the next Hong Kong day.
        env.Clock.Advance(TimeSpan.FromMinutes(30));
        await digests.SendDueAsync(CancellationToken.None);
        Assert.Equal(2, (await InboxAsync(vendor)).GetProperty("totalCount").GetInt32());
    }
}

public sealed class AlertsTests_Standalone(StandaloneEnvironment env) : AlertsTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class AlertsTests_Distributed(DistributedEnvironment env) : AlertsTests(env), IClassFixture<DistributedEnvironment>;
