using System.Net;
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

        await env.PublishAsync(new ScenarioClosed(scenarioId, _department, ScenarioClosureKind.Cancelled, "withdrawn", now.AddMinutes(5)), Guid.NewGuid());
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

        await env.PublishAsync(new OrganisationRegistered(department, OrganisationType.Department, "Lands Department", "地政總署", null, null, OrganisationStatus.Approved, t0), ids[0]);
        await env.PublishAsync(new OrganisationRegistered(vendor, OrganisationType.Vendor, "Some Vendor Ltd", "某供應商有限公司", "12345678", SizeClass.SME, OrganisationStatus.Pending, t0), ids[1]);
        await env.PublishAsync(new OrganisationChanged(department, OrganisationType.Department, "Lands Department (renamed)", "地政總署（新）", null, OrganisationStatus.Approved, t0.AddMinutes(2)), ids[2]);
        // Delivered late: an older change must not bring the old name back.
        await env.PublishAsync(new OrganisationChanged(department, OrganisationType.Department, "Stale name", "舊名稱", null, OrganisationStatus.Approved, t0.AddMinutes(1)), ids[3]);
        await Eventually.Until(() => env.InCatalogueDbAsync(db => db.InboxMessages.CountAsync(m => ids.Contains(m.MessageId))), n => n == 4,
            what: "the catalogue to process the four organisation events");

        var names = await env.InCatalogueDbAsync(db => db.Departments.SingleAsync(d => d.Id == department));
        Assert.Equal("Lands Department (renamed)", names.NameEn);
        Assert.Equal("地政總署（新）", names.NameZh);
        Assert.Equal(0, await env.InCatalogueDbAsync(db => db.Departments.CountAsync(d => d.Id == vendor)));

        var created = await ScenarioBuilder.CreateAsync(env.CatalogueClient().As(Roles.DepartmentOfficer, department));
        Assert.Equal("地政總署（新）", created.GetProperty("department").GetProperty("nameZh").GetString());
    }

    [Fact]
    public async Task Rows_that_cannot_be_read_are_set_aside_after_the_allowed_attempts_while_the_rows_behind_them_flow()
    {
        await using var env = await StartAsync(new() { ["Outbox:MaxAttempts"] = "3" });
        var now = env.Clock.GetUtcNow();
        var (unknown, unreadable, legacy, good) = (Published(Guid.NewGuid(), "Unknown type", now), Published(Guid.NewGuid(), "Unreadable", now),
            Published(Guid.NewGuid(), "Stored by an earlier version", now), Published(Guid.NewGuid(), "Behind the bad rows", now));
        var ids = await StoreInCatalogueOutboxAsync(env, [
            (unknown, "catalogue.ScenarioRetracted", null),
            (unreadable, null, "{\"scenarioId\": 42"),
            (legacy, "Marketplace.Contracts.Catalogue.ScenarioPublished, Marketplace.Contracts", null),
            (good, null, null),
        ]);

        // Without moving the clock (no back-off expires): the two bad rows hold nothing back.
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.CountAsync(s => s.ScenarioId == legacy.ScenarioId || s.ScenarioId == good.ScenarioId)),
            n => n == 2, what: "the rows behind the bad ones to reach matching");
        var setAside = await Eventually.Until(async () =>
        {
            // Each probe moves past the longest back-off so far, so every poll is a fresh attempt.
            env.Clock.Advance(TimeSpan.FromMinutes(5));
            return await env.InCatalogueDbAsync(db => db.OutboxMessages.Where(m => m.DeadLetteredAt != null).OrderBy(m => m.Sequence).ToListAsync());
        }, rows => rows.Count == 2, what: "both bad rows to be set aside");
        Assert.Equal([ids[0], ids[1]], setAside.Select(m => m.MessageId));
        Assert.All(setAside, m => Assert.Equal(3, m.Attempts));
        Assert.Contains("Unknown message type 'catalogue.ScenarioRetracted'", setAside[0].LastError, StringComparison.Ordinal);
        Assert.Contains("cannot be read", setAside[1].LastError, StringComparison.Ordinal);
        Assert.Equal(0, await env.InMatchingDbAsync(db => db.OpenScenarios.CountAsync(s => s.ScenarioId == unknown.ScenarioId || s.ScenarioId == unreadable.ScenarioId)));

        // Readiness shows them and stays 200: the service still serves, and its other events flow.
        var ready = await env.CatalogueClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        var outbox = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "catalogue-outbox");
        Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
        Assert.StartsWith("2 outbox message(s) set aside", outbox.GetProperty("description").GetString(), StringComparison.Ordinal);

        var admin = env.CatalogueClient().As(Roles.Admin, null);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/catalogue/admin/outbox/dead-letters");
        Assert.Equal(2, listed.GetProperty("totalCount").GetInt32());
        Assert.Equal(ids[0], listed.GetProperty("items")[0].GetProperty("messageId").GetGuid());
        Assert.Equal("catalogue.ScenarioRetracted", listed.GetProperty("items")[0].GetProperty("messageType").GetString());
        Assert.Equal(3, listed.GetProperty("items")[0].GetProperty("attempts").GetInt32());
        Assert.False(listed.GetProperty("items")[0].TryGetProperty("body", out _));
    }

    [Fact]
    public async Task A_set_aside_row_is_published_once_fixed_and_re_queued_by_an_administrator()
    {
        await using var env = await StartAsync(new() { ["Outbox:MaxAttempts"] = "1" });
        var scenario = Published(Guid.NewGuid(), "Known to the next deployment", env.Clock.GetUtcNow());
        var ids = await StoreInCatalogueOutboxAsync(env, [(scenario, "catalogue.ScenarioRetracted", null)]);
        await Eventually.Until(() => env.InCatalogueDbAsync(db => db.OutboxMessages.SingleAsync(m => m.MessageId == ids[0])), m => m.DeadLetteredAt is not null,
            what: "the row to be set aside after its one allowed attempt");
        var admin = env.CatalogueClient().As(Roles.Admin, null);
        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, _department);
        await (await officer.PostAsync($"/api/catalogue/admin/outbox/{ids[0]}/requeue", null)).ShouldBe(HttpStatusCode.Forbidden);
        await (await admin.PostAsync($"/api/catalogue/admin/outbox/{Guid.NewGuid()}/requeue", null)).ShouldBe(HttpStatusCode.NotFound);

        // The cause is fixed (here: the row now names a type this version knows), then the operator re-queues it.
        await env.InCatalogueDbAsync(db => db.OutboxMessages.Where(m => m.MessageId == ids[0])
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.MessageType, "catalogue.ScenarioPublished")));
        await (await admin.PostAsync($"/api/catalogue/admin/outbox/{ids[0]}/requeue", null)).ShouldBe(HttpStatusCode.OK);

        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.CountAsync(s => s.ScenarioId == scenario.ScenarioId)), n => n == 1,
            what: "the re-queued event to reach matching");
        var sent = await Eventually.Until(() => env.InCatalogueDbAsync(db => db.OutboxMessages.SingleAsync(m => m.MessageId == ids[0])), m => m.DispatchedAt is not null,
            what: "the re-queued row to be marked dispatched");
        Assert.Null(sent.DeadLetteredAt);
        var report = await env.CatalogueClient().GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        // Only a set-aside row can be re-queued; a published one is a conflict.
        var again = await admin.PostAsync($"/api/catalogue/admin/outbox/{ids[0]}/requeue", null);
        await again.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("outbox-message-not-set-aside", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    /// <summary>
    /// Stores events in the catalogue's outbox in one transaction, optionally overwriting the stored
    /// type name or body (a row of a contract this version no longer knows, a corrupted payload).
    /// </summary>
    private static Task<List<Guid>> StoreInCatalogueOutboxAsync(MarketplaceEnvironment env, (ScenarioPublished Event, string? Type, string? Body)[] rows) =>
        env.InCatalogueDbAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var messages = rows.Select(r => OutboxMessage.From(r.Event, env.Clock.GetUtcNow())).ToList();
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync();
            foreach (var (message, (_, type, body)) in messages.Zip(rows))
            {
                if (type is not null)
                {
                    await db.OutboxMessages.Where(m => m.MessageId == message.MessageId).ExecuteUpdateAsync(u => u.SetProperty(m => m.MessageType, type));
                }
                if (body is not null)
                {
                    await db.OutboxMessages.Where(m => m.MessageId == message.MessageId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Body, body));
                }
            }
            await transaction.CommitAsync();
            return messages.Select(m => m.MessageId).ToList();
        }));

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
