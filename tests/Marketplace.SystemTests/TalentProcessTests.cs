using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Contracts.Matching;
using Marketplace.Testing;
using MassTransit;

namespace Marketplace.SystemTests;

/// <summary>The talent host as its own process on its own PostgreSQL database, fed over RabbitMQ.</summary>
public sealed class TalentProcessTests
{
    [Fact]
    public async Task An_award_delivered_twice_over_RabbitMQ_becomes_one_set_of_staffing_requirements_in_the_talent_hosts_own_database()
    {
        await using var identityDb = PostgresDatabase.Reserve("identity");
        await using var talentDb = PostgresDatabase.Reserve("talent");
        await using var vhost = await RabbitVirtualHost.CreateAsync();
        Dictionary<string, string> Environment(string service, PostgresDatabase db) => new()
        {
            ["Database__Provider"] = "Postgres",
            [$"ConnectionStrings__{service}"] = db.ConnectionString,
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMqUri"] = vhost.Uri,
            ["Auth__Audience"] = TestServers.Audience,
        };
        var identityDll = HostProcess.Dll("services/identity/Marketplace.Identity.Host", "Marketplace.Identity.Host");
        var talentDll = HostProcess.Dll("services/talent/Marketplace.Talent.Host", "Marketplace.Talent.Host");
        foreach (var (dll, service, db) in new[] { (identityDll, "identity", identityDb), (talentDll, "talent", talentDb) })
        {
            var migrated = await HostProcess.RunToEndAsync(dll, Environment(service, db), "--migrate");
            Assert.True(migrated.ExitCode == 0, migrated.Output);
        }
        // The identity service signs with the tests' key, so a vendor's token can be made here.
        var identityEnvironment = Environment("identity", identityDb);
        identityEnvironment["Auth__Authority"] = "";
        foreach (var (key, value) in Tokens.IdentitySettings)
        {
            identityEnvironment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }
        await using var identity = await HostProcess.StartAsync(identityDll, identityEnvironment);
        var talentEnvironment = Environment("talent", talentDb);
        talentEnvironment["Auth__Authority"] = TestServers.Issuer;
        talentEnvironment["Auth__MetadataAddress"] = new Uri(identity.BaseAddress, "/api/identity/.well-known/openid-configuration").ToString();
        talentEnvironment["Auth__RequireHttpsMetadata"] = "false";
        await using var talent = await HostProcess.StartAsync(talentDll, talentEnvironment);

        // The award as the matching process publishes it: same exchange, same message type.
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(vhost.Uri)));
        await bus.StartAsync();
        try
        {
            var (project, vendor, now) = (Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
            var award = new ProjectAwarded(project, Guid.NewGuid(), Guid.NewGuid(), vendor, Guid.NewGuid(), "Forecasting service", 2_000_000m, 12,
                [new TeamRole("Forecasting", "Senior", null), new TeamRole("MLOps", "Mid", null)], now, now.AddDays(10));
            var messageId = Guid.NewGuid();
            await bus.Publish(award, ctx => ctx.MessageId = messageId);
            await bus.Publish(award, ctx => ctx.MessageId = messageId);
            await bus.Publish(award);

            await Eventually.Until(() => talentDb.CountAsync("SELECT count(*) FROM inbox_messages WHERE \"Consumer\" = 'ProjectAwardedConsumer'"), n => n == 2,
                what: "both distinct award messages to be consumed");
            Assert.Equal(2, await talentDb.CountAsync($"SELECT count(*) FROM requirements WHERE \"ProjectId\" = '{project}'"));
            Assert.Equal(0, await vhost.QueueDepthAsync("talent-project-awarded_error"));
            var client = talent.Client();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For("Vendor", vendor));
            var staffing = await client.GetFromJsonAsync<JsonElement>($"/api/talent/staffing/projects/{project}");
            Assert.Equal(2, staffing.GetProperty("summary").GetProperty("open").GetInt32());
            var ready = await talent.Client().GetFromJsonAsync<JsonElement>("/health/ready");
            Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
