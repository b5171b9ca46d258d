using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Matching;
using Marketplace.Testing;
using MassTransit;
using Npgsql;

namespace Marketplace.SystemTests.Faults;

/// <summary>
/// The identity and funding hosts as processes on the private servers, one funding scheme, and a bus
/// that publishes the catalogue's and matching's events as those processes would. Shared by the
/// fault tests, which run one after the other; each uses its own scenario and projects.
/// </summary>
public sealed class FundingUnderFaults : IAsyncLifetime
{
    public const string AwardQueue = "funding-project-awarded";

    private readonly string _identityDll = HostProcess.Dll("services/identity/Marketplace.Identity.Host", "Marketplace.Identity.Host");
    private readonly string _fundingDll = HostProcess.Dll("services/funding/Marketplace.Funding.Host", "Marketplace.Funding.Host");
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private HostProcess? _identity;
    private IBusControl? _bus;

    public PrivateServers Servers { get; } = new();

    public HostProcess Funding { get; private set; } = null!;

    public string FundingDatabase => new NpgsqlConnectionStringBuilder(Servers.Postgres) { Database = "funding_" + _suffix }.ConnectionString;

    /// <summary>The test's own reads open a fresh connection each time: a pooled one would not survive the PostgreSQL restart of R3.</summary>
    private string Unpooled => new NpgsqlConnectionStringBuilder(FundingDatabase) { Pooling = false }.ConnectionString;

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        foreach (var (dll, environment) in new[] { (_identityDll, IdentityEnvironment()), (_fundingDll, FundingEnvironment()) })
        {
            var migrated = await HostProcess.RunToEndAsync(dll, environment, "--migrate");
            Assert.True(migrated.ExitCode == 0, migrated.Output);
        }
        _identity = await HostProcess.StartAsync(_identityDll, IdentityEnvironment());
        Funding = await StartFundingAsync();

        var officer = Funding.Client();
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For("FundingOfficer", Guid.NewGuid()));
        var now = DateTimeOffset.UtcNow;
        var scheme = await officer.PostAsJsonAsync("/api/funding/schemes", new
        {
            code = "PSTS", nameEn = "Public Sector Trial Scheme", nameZh = "公營機構試用計劃", descriptionEn = "Half of project cost.", descriptionZh = "資助項目成本一半。",
            basis = "PercentageOfEligibleCost", percentageOfEligibleCost = 50, eligibleCostTypes = new[] { "Manpower" },
            criteria = new[] { new { code = "impact", nameEn = "Impact", nameZh = "影響", maxScore = 10, passMark = 5 } },
            assessorCount = 1, opensAt = now.AddDays(-1), closesAt = now.AddYears(1),
        });
        Assert.True(scheme.StatusCode == HttpStatusCode.Created, $"{scheme.StatusCode}: {await scheme.Content.ReadAsStringAsync()}\n{Funding.Output}");
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(Servers.RabbitMq)));
        await _bus.StartAsync();
    }

    public Dictionary<string, string> FundingEnvironment() => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__funding"] = FundingDatabase,
        ["Messaging__Transport"] = "RabbitMq",
        ["Messaging__RabbitMqUri"] = Servers.RabbitMq,
        ["Auth__Audience"] = TestServers.Audience,
        ["Auth__Authority"] = TestServers.Issuer,
        ["Auth__MetadataAddress"] = _identity is null ? "" : new Uri(_identity.BaseAddress, "/api/identity/.well-known/openid-configuration").ToString(),
        ["Auth__RequireHttpsMetadata"] = "false",
        // A burst is written in ordinary batches; the outbox polls often so the test sees effects quickly.
        ["Outbox__PollIntervalMs"] = "200",
    };

    public Task<HostProcess> StartFundingAsync() => HostProcess.StartAsync(_fundingDll, FundingEnvironment());

    /// <summary>Starts the funding host again after it was killed.</summary>
    public async Task RestartFundingAsync()
    {
        await Funding.DisposeAsync();
        Funding = await StartFundingAsync();
    }

    /// <summary>A scenario funding knows (published under the scheme), for a burst of awards to refer to.</summary>
    public async Task<Guid> PublishScenarioAsync()
    {
        var scenario = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await PublishAsync(new ScenarioPublished(scenario, Guid.NewGuid(), null, "Bus arrival prediction", "巴士到站預測", "Estimates drift.", "預測偏差。", "Mobility",
            "transport", ["forecasting"], 800_000m, 2_500_000m, "HongKongOnly", ["PSTS"], now.AddDays(30), now.AddDays(-40)), Guid.NewGuid());
        await Eventually.Until(() => CountAsync($"SELECT count(*) FROM scenarios WHERE \"ScenarioId\" = '{scenario}'"), n => n == 1,
            TimeSpan.FromSeconds(60), "the scenario to reach the funding process");
        return scenario;
    }

    public static ProjectAwarded Award(Guid scenario, Guid project) =>
        new(project, scenario, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Forecasting service", 2_000_000m, 12, [], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(10));

    /// <summary>
    /// Publishes one award per project, each with its own message id, as the matching service's outbox
    /// would: a publish that fails (broker restarting) is retried with the same id until it is confirmed.
    /// <paramref name="midway"/> runs once, when half of them were published.
    /// </summary>
    public async Task BurstAsync(Guid scenario, IReadOnlyList<Guid> projects, Func<Task>? midway = null)
    {
        Task? fault = null;
        for (var i = 0; i < projects.Count; i++)
        {
            if (i == projects.Count / 2 && midway is not null)
            {
                fault = Task.Run(midway);
            }
            await PublishAsync(Award(scenario, projects[i]), MessageIdOf(projects[i]));
        }
        if (fault is not null)
        {
            await fault;
        }
    }

    public async Task PublishAsync<T>(T message, Guid messageId)
        where T : class
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
                attempt.CancelAfter(TimeSpan.FromSeconds(10));
                await _bus!.Publish(message, ctx => ctx.MessageId = messageId, attempt.Token);
                return;
            }
            catch (Exception) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(200, deadline.Token);
            }
        }
    }

    /// <summary>How many applications each of these projects has (lost: 0, duplicated: more than 1).</summary>
    public async Task<(int Lost, int Duplicated, int Applications)> EffectsAsync(IReadOnlyCollection<Guid> projects)
    {
        await using var connection = new NpgsqlConnection(Unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"ProjectId\", count(*) FROM applications WHERE \"ProjectId\" = ANY(@ids) GROUP BY 1", connection);
        command.Parameters.AddWithValue("ids", projects.ToArray());
        var counts = new Dictionary<Guid, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetGuid(0)] = reader.GetInt64(1);
        }
        return (projects.Count(p => !counts.ContainsKey(p)), counts.Values.Count(c => c > 1), (int)counts.Values.Sum());
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }
        if (Funding is not null)
        {
            await Funding.DisposeAsync();
        }
        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }
        await Servers.DisposeAsync();
    }

    /// <summary>The award's message id follows from its project, so a re-publish is recognisably the same message.</summary>
    private static Guid MessageIdOf(Guid project) => new(project.ToByteArray().Reverse().ToArray());

    private Dictionary<string, string> IdentityEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__identity"] = new NpgsqlConnectionStringBuilder(Servers.Postgres) { Database = "identity_" + _suffix }.ConnectionString,
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMqUri"] = Servers.RabbitMq,
            ["Auth__Audience"] = TestServers.Audience,
            ["Auth__Authority"] = "",
        };
        foreach (var (key, value) in Tokens.IdentitySettings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }
        return environment;
    }
}
