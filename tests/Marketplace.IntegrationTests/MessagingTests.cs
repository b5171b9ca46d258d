using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Identity;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Testing;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests;

/// <summary>Outbox and inbox guarantees, in both runtime modes; each test gets its own environment.</summary>
public abstract class MessagingTests<TEnvironment>
    where TEnvironment : MarketplaceEnvironment, new()
{
    private readonly Guid _department = Guid.NewGuid();

    [Fact]
    public async Task The_bus_reports_no_usage_telemetry_to_anyone_outside()
    {
        await using var env = await StartAsync();
        foreach (var services in new[] { env.CatalogueServices, env.MatchingServices, env.IdentityServices })
        {
            Assert.False(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MassTransit.UsageTelemetryOptions>>().Value.Enabled);
        }
    }

    [Fact]
    public async Task A_consumer_that_receives_the_same_message_twice_applies_it_once()
    {
        await using var env = await StartAsync();
        var scenarioId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var now = env.Clock.GetUtcNow();
        var first = Published(scenarioId, "First delivery", now);

        await env.PublishAsync(first, messageId);
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.CountAsync(s => s.ScenarioId == scenarioId)), n => n == 1);
        // The broker redelivers the same message (same id); had it been applied again, the title would change.
        await env.PublishAsync(first with { TitleEn = "Second delivery" }, messageId);
        // A later, distinct message for another scenario proves the redelivery was processed before we look.
        var marker = Guid.NewGuid();
        await env.PublishAsync(Published(marker, "Marker", now), Guid.NewGuid());
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.CountAsync(s => s.ScenarioId == marker)), n => n == 1);
        await Eventually.Until(
            () => env.InMatchingDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId)),
            n => n == 1);

        var scenario = await env.InMatchingDbAsync(db => db.OpenScenarios.SingleAsync(s => s.ScenarioId == scenarioId));
        Assert.Equal("First delivery", scenario.TitleEn);
        Assert.Equal(1, await env.InMatchingDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task Events_wait_in_the_outbox_while_the_dispatcher_is_stopped_and_go_out_when_it_runs_again()
    {
        await using var env = await StartAsync(new() { ["Outbox:DispatcherEnabled"] = "false" });
        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, _department);
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, officer)).GetProperty("id").GetGuid();

        var pending = await env.InCatalogueDbAsync(db => db.OutboxMessages
            .Where(m => m.Body.Contains(id.ToString()) && m.MessageType.Contains("ScenarioPublished")).ToListAsync());
        Assert.Null(Assert.Single(pending).DispatchedAt);
        // Give a running dispatcher (there is none) ample time; matching must not have heard of the scenario.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await env.InMatchingDbAsync(db => db.OpenScenarios.CountAsync(s => s.ScenarioId == id)));

        await env.RestartCatalogueAsync(new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "true" });

        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.CountAsync(s => s.ScenarioId == id)), n => n == 1,
            what: "the stored event to reach matching after the dispatcher restarted");
        // Marked after the bus accepted it, which may be just after matching consumed it.
        var sent = await Eventually.Until(
            () => env.InCatalogueDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Body.Contains(id.ToString()) && m.MessageType.Contains("ScenarioPublished"))),
            m => m.DispatchedAt is not null, what: "the outbox row to be marked dispatched");
        Assert.NotNull(sent.DispatchedAt);
        var scenario = await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}");
        Assert.Equal("Published", scenario.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Out_of_order_closure_is_not_undone_by_a_late_publication()
    {
        await using var env = await StartAsync();
        var scenarioId = Guid.NewGuid();
        var now = env.Clock.GetUtcNow();

        await env.PublishAsync(new ScenarioClosed(scenarioId, _department, "withdrawn", now.AddMinutes(5)), Guid.NewGuid());
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.CountAsync(s => s.ScenarioId == scenarioId)), n => n == 1);
        await env.PublishAsync(Published(scenarioId, "Late", now), Guid.NewGuid());
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.CountAsync(s => s.ScenarioId == scenarioId && s.PublishedAt != null)), n => n == 1);

        var vendor = env.MatchingClient().As(Roles.Vendor, Guid.NewGuid());
        var open = await vendor.GetFromJsonAsync<JsonElement>("/api/matching/open-scenarios?pageSize=100");
        Assert.DoesNotContain(open.GetProperty("items").EnumerateArray(), s => s.GetProperty("scenarioId").GetGuid() == scenarioId);
    }

    [Fact]
    public async Task Department_names_follow_the_identity_services_organisation_events()
    {
        await using var env = await StartAsync();
        var department = Guid.NewGuid();
        var vendor = Guid.NewGuid();
        var t0 = env.Clock.GetUtcNow();
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        await env.PublishAsync(new OrganisationRegistered(department, "Department", "Lands Department", "地政總署", null, null, "Approved", t0), ids[0]);
        await env.PublishAsync(new OrganisationRegistered(vendor, "Vendor", "Some Vendor Ltd", "某供應商有限公司", "12345678", "SME", "Pending", t0), ids[1]);
        await env.PublishAsync(new OrganisationChanged(department, "Department", "Lands Department (renamed)", "地政總署（新）", null, "Approved", t0.AddMinutes(2)), ids[2]);
        // Delivered late: an older change must not bring the old name back.
        await env.PublishAsync(new OrganisationChanged(department, "Department", "Stale name", "舊名稱", null, "Approved", t0.AddMinutes(1)), ids[3]);
        await Eventually.Until(() => env.InCatalogueDbAsync(db => db.InboxMessages.CountAsync(m => ids.Contains(m.MessageId))), n => n == 4,
            what: "the catalogue to process the four organisation events");

        var names = await env.InCatalogueDbAsync(db => db.Departments.SingleAsync(d => d.Id == department));
        Assert.Equal("Lands Department (renamed)", names.NameEn);
        Assert.Equal("地政總署（新）", names.NameZh);
        Assert.Equal(0, await env.InCatalogueDbAsync(db => db.Departments.CountAsync(d => d.Id == vendor)));

        var created = await ScenarioBuilder.CreateAsync(env.CatalogueClient().As(Roles.DepartmentOfficer, department));
        Assert.Equal("地政總署（新）", created.GetProperty("department").GetProperty("nameZh").GetString());
    }

    protected static ScenarioPublished Published(Guid scenarioId, string title, DateTimeOffset now) =>
        new(scenarioId, Guid.NewGuid(), null, title, "測試情境", "Problem", "問題", "Living", "healthcare", ["forecasting"], 100_000m, 200_000m,
            "HongKongOnly", ["PSTS"], now.AddDays(30), now);

    protected static async Task<TEnvironment> StartAsync(Dictionary<string, string?>? overrides = null)
    {
        var env = new TEnvironment();
        foreach (var (key, value) in overrides ?? [])
        {
            env.Overrides[key] = value;
        }
        await env.InitializeAsync();
        return env;
    }
}

public sealed class MessagingTests_Standalone : MessagingTests<StandaloneEnvironment>;

public sealed class MessagingTests_Distributed : MessagingTests<DistributedEnvironment>
{
    [Fact]
    public async Task A_message_that_keeps_failing_lands_in_the_error_queue_instead_of_being_dropped()
    {
        await using var env = await StartAsync();
        // Longer than matching's title column allows: every attempt fails in the database.
        var poison = Published(Guid.NewGuid(), new string('x', 500), env.Clock.GetUtcNow());

        await env.PublishAsync(poison, Guid.NewGuid());

        await Eventually.Until(() => env.VirtualHost.QueueDepthAsync("matching-scenario-published_error"), n => n == 1,
            what: "the poison message in matching-scenario-published_error");
        Assert.Equal(0, await env.InMatchingDbAsync(db => db.OpenScenarios.CountAsync(s => s.ScenarioId == poison.ScenarioId)));
        // Nothing is left behind in the work queue (statistics refresh every few seconds).
        await Eventually.Until(() => env.VirtualHost.QueueDepthAsync("matching-scenario-published"), n => n == 0,
            what: "the work queue to be empty");
    }

    [Fact]
    public async Task Messages_that_failed_during_an_outage_are_replayed_from_the_error_queue_once_it_is_over()
    {
        await using var env = await StartAsync();
        var scenarioId = Guid.NewGuid();
        // An outage of matching's table: every attempt fails until the table is back.
        await env.InMatchingDbAsync(db => db.Database.RenameTableAsync("open_scenarios", "open_scenarios_offline"));
        await env.PublishAsync(Published(scenarioId, "During the outage", env.Clock.GetUtcNow()), Guid.NewGuid());
        await Eventually.Until(() => env.VirtualHost.QueueDepthAsync("matching-scenario-published_error"), n => n == 1,
            what: "the failed message in the error queue");

        await env.InMatchingDbAsync(db => db.Database.RenameTableAsync("open_scenarios_offline", "open_scenarios"));
        var replayed = await env.MatchingServices.GetRequiredService<ErrorQueueReplay>().ReplayAsync(null, CancellationToken.None);

        Assert.Equal(1, replayed);
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.CountAsync(s => s.ScenarioId == scenarioId)), n => n == 1,
            what: "the replayed message to be applied");
        // The management API's queue statistics refresh every few seconds.
        await Eventually.Until(() => env.VirtualHost.QueueDepthAsync("matching-scenario-published_error"), n => n == 0,
            what: "the error queue to be empty");
    }
}
