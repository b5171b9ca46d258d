using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Matching;
using Marketplace.Testing;
using MassTransit;

namespace Marketplace.SystemTests;

/// <summary>The funding host as its own process on its own PostgreSQL database, fed over RabbitMQ.</summary>
public sealed class FundingProcessTests
{
    [Fact]
    public async Task An_award_delivered_twice_over_RabbitMQ_opens_exactly_one_application_in_the_funding_hosts_own_database()
    {
        await using var identityDb = PostgresDatabase.Reserve("identity");
        await using var fundingDb = PostgresDatabase.Reserve("funding");
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
        var fundingDll = HostProcess.Dll("services/funding/Marketplace.Funding.Host", "Marketplace.Funding.Host");
        foreach (var (dll, service, db) in new[] { (identityDll, "identity", identityDb), (fundingDll, "funding", fundingDb) })
        {
            var migrated = await HostProcess.RunToEndAsync(dll, Environment(service, db), "--migrate");
            Assert.True(migrated.ExitCode == 0, migrated.Output);
        }
        // The identity service signs with the tests' key, so a funding officer's token can be made here.
        var identityEnvironment = Environment("identity", identityDb);
        identityEnvironment["Auth__Authority"] = "";
        foreach (var (key, value) in Tokens.IdentitySettings)
        {
            identityEnvironment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }
        await using var identity = await HostProcess.StartAsync(identityDll, identityEnvironment);
        var fundingEnvironment = Environment("funding", fundingDb);
        fundingEnvironment["Auth__Authority"] = TestServers.Issuer;
        fundingEnvironment["Auth__MetadataAddress"] = new Uri(identity.BaseAddress, "/api/identity/.well-known/openid-configuration").ToString();
        fundingEnvironment["Auth__RequireHttpsMetadata"] = "false";
        await using var funding = await HostProcess.StartAsync(fundingDll, fundingEnvironment);

        var body = Guid.NewGuid();
        var officer = funding.Client();
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For("FundingOfficer", body));
        var now = DateTimeOffset.UtcNow;
        var scheme = await officer.PostAsJsonAsync("/api/funding/schemes", new
        {
            code = "PSTS", nameEn = "Public Sector Trial Scheme", nameZh = "公營機構試用計劃", descriptionEn = "Half of project cost.", descriptionZh = "資助項目成本一半。",
            basis = "PercentageOfEligibleCost", percentageOfEligibleCost = 50, eligibleCostTypes = new[] { "Manpower" },
            criteria = new[] { new { code = "impact", nameEn = "Impact", nameZh = "影響", maxScore = 10, passMark = 5 } },
            assessorCount = 1, opensAt = now.AddDays(-1), closesAt = now.AddYears(1),
        });
        Assert.True(scheme.StatusCode == HttpStatusCode.Created, $"{scheme.StatusCode}: {await scheme.Content.ReadAsStringAsync()}\n{funding.Output}");

        // The events as the catalogue and matching processes publish them: same exchanges, same message types.
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(vhost.Uri)));
        await bus.StartAsync();
        try
        {
            var (scenario, project) = (Guid.NewGuid(), Guid.NewGuid());
            await bus.Publish(new ScenarioPublished(scenario, Guid.NewGuid(), null, "Bus arrival prediction", "巴士到站預測", "Estimates drift.", "預測偏差。", "Mobility",
                "transport", ["forecasting"], 800_000m, 2_500_000m, "HongKongOnly", ["PSTS"], now.AddDays(30), now.AddDays(-40)));
            await Eventually.Until(() => fundingDb.CountAsync("SELECT count(*) FROM scenarios"), n => n == 1, what: "the scenario to reach the funding process");
            var award = new ProjectAwarded(project, scenario, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Forecasting service", 2_000_000m, 12, [], now, now.AddDays(10));
            var messageId = Guid.NewGuid();
            await bus.Publish(award, ctx => ctx.MessageId = messageId);
            await bus.Publish(award, ctx => ctx.MessageId = messageId);
            await bus.Publish(award);

            await Eventually.Until(() => fundingDb.CountAsync("SELECT count(*) FROM inbox_messages WHERE \"Consumer\" = 'ProjectAwardedConsumer'"), n => n == 2,
                what: "both distinct award messages to be consumed");
            Assert.Equal(1, await fundingDb.CountAsync($"SELECT count(*) FROM applications WHERE \"ProjectId\" = '{project}'"));
            Assert.Equal(0, await vhost.QueueDepthAsync("funding-project-awarded_error"));
            var ready = await funding.Client().GetFromJsonAsync<JsonElement>("/health/ready");
            Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
