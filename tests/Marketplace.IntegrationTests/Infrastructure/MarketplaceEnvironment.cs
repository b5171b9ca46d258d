using Marketplace.Testing;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Host;
using Marketplace.Funding.Data;
using Marketplace.Funding.Host;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Host;
using Marketplace.Identity.Data;
using Marketplace.Identity.Host;
using Marketplace.Matching.Data;
using Marketplace.Talent.Data;
using Marketplace.Talent.Host;
using Marketplace.Matching.Host;
using Marketplace.Standalone;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Infrastructure;

/// <summary>
/// The marketplace as the tests see it, in one of the two runtime modes. Tests talk to the
/// services through HTTP and look into their databases only to prove what HTTP
/// cannot show (the outbox, the inbox).
/// </summary>
public abstract class MarketplaceEnvironment : IAsyncLifetime, IAsyncDisposable
{
    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public abstract string Mode { get; }

    /// <summary>Extra settings every host of this environment starts with (tests may add before starting).</summary>
    public Dictionary<string, string?> Overrides { get; } = new();

    public abstract HttpClient CatalogueClient();

    public abstract HttpClient IdentityClient();

    /// <summary>A client to the identity service that behaves like a browser's view of it: keeps cookies, shows redirects instead of following them.</summary>
    public abstract HttpClient IdentityBrowser();

    public abstract IServiceProvider IdentityServices { get; }

    public abstract HttpClient MatchingClient();

    public abstract IServiceProvider CatalogueServices { get; }

    public abstract IServiceProvider MatchingServices { get; }

    public abstract HttpClient FundingClient();

    public abstract IServiceProvider FundingServices { get; }

    public abstract HttpClient TalentClient();

    public abstract IServiceProvider TalentServices { get; }
    public abstract HttpClient OpenDataClient();

    public abstract IServiceProvider OpenDataServices { get; }

    /// <summary>Stops the process hosting the catalogue and starts it again on the same data with other settings.</summary>
    public abstract Task RestartCatalogueAsync(IReadOnlyDictionary<string, string?> settings);

    /// <summary>Stops the process hosting matching and starts it again on the same data.</summary>
    public abstract Task RestartMatchingAsync();

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public async Task<T> InCatalogueDbAsync<T>(Func<CatalogueDbContext, Task<T>> query)
    {
        await using var scope = CatalogueServices.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CatalogueDbContext>());
    }

    public async Task<T> InIdentityDbAsync<T>(Func<IdentityServiceDbContext, Task<T>> query)
    {
        await using var scope = IdentityServices.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IdentityServiceDbContext>());
    }

    public async Task<T> InMatchingDbAsync<T>(Func<MatchingDbContext, Task<T>> query)
    {
        await using var scope = MatchingServices.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MatchingDbContext>());
    }

    public async Task<T> InFundingDbAsync<T>(Func<FundingDbContext, Task<T>> query)
    {
        await using var scope = FundingServices.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FundingDbContext>());
    }

    public async Task<T> InTalentDbAsync<T>(Func<TalentDbContext, Task<T>> query)
    {
        await using var scope = TalentServices.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TalentDbContext>());
    }

    public async Task<T> InOpenDataDbAsync<T>(Func<OpenDataDbContext, Task<T>> query)
    {
        await using var scope = OpenDataServices.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<OpenDataDbContext>());
    }

    /// <summary>Publishes straight onto the bus the services consume from, with a chosen message id (as a redelivery would carry).</summary>
    public Task PublishAsync<T>(T message, Guid messageId)
        where T : class =>
        MatchingServices.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId);

    protected static WebApplicationFactoryClientOptions Browser => new() { AllowAutoRedirect = false, HandleCookies = true };

    protected Dictionary<string, string?> Common() => Merge(new(Tokens.IdentitySettings)
    {
        ["Database:MigrateOnStart"] = "true",
        ["Messaging:RetryIntervalsMs:0"] = "50",
        ["Messaging:RetryIntervalsMs:1"] = "100",
        ["Messaging:RetryIntervalsMs:2"] = "200",
        ["Outbox:PollIntervalMs"] = "200",
        ["Logging:LogLevel:Default"] = "Warning",
    }, Overrides);

    protected static Dictionary<string, string?> Merge(Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?> overrides)
    {
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }
        return settings;
    }
}

/// <summary>Standalone mode: one process, SQLite files in a temporary folder, the in-memory bus.</summary>
public sealed class StandaloneEnvironment : MarketplaceEnvironment
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "marketplace-tests", Guid.NewGuid().ToString("N"));
    private ServiceApp<StandaloneHost>? _app;

    public override string Mode => "standalone";

    public string DataFolder => _folder;

    private ServiceApp<StandaloneHost> App => _app ?? throw new InvalidOperationException("Not started.");

    public override HttpClient CatalogueClient() => App.CreateClient();

    public override HttpClient IdentityClient() => App.CreateClient();

    public override HttpClient IdentityBrowser() => App.CreateClient(Browser);

    public override HttpClient MatchingClient() => App.CreateClient();

    public override IServiceProvider IdentityServices => App.Services;

    public override IServiceProvider CatalogueServices => App.Services;

    public override IServiceProvider MatchingServices => App.Services;

    public override HttpClient FundingClient() => App.CreateClient();

    public override IServiceProvider FundingServices => App.Services;

    public override HttpClient TalentClient() => App.CreateClient();

    public override IServiceProvider TalentServices => App.Services;

    public override HttpClient OpenDataClient() => App.CreateClient();

    public override IServiceProvider OpenDataServices => App.Services;

    public override Task InitializeAsync()
    {
        _app = Create(new Dictionary<string, string?>()).Start();
        return Task.CompletedTask;
    }

    public override async Task RestartCatalogueAsync(IReadOnlyDictionary<string, string?> settings)
    {
        await App.DisposeAsync();
        _app = Create(settings).Start();
    }

    public override Task RestartMatchingAsync() => RestartCatalogueAsync(new Dictionary<string, string?>());

    public override async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalizing connection; the temp folder is cleaned by the OS.
        }
    }

    private ServiceApp<StandaloneHost> Create(IReadOnlyDictionary<string, string?> overrides)
    {
        var settings = Merge(Common(), overrides);
        settings["Database:Provider"] = "Sqlite";
        settings["Database:DataFolder"] = _folder;
        settings["Messaging:Transport"] = "InMemory";
        // No authority: the identity module in the same process validates against its own keys.
        settings["Auth:Authority"] = "";
        settings.TryAdd("Standalone:SeedDemoData", "false");
        return new ServiceApp<StandaloneHost>(settings, Clock);
    }
}

/// <summary>
/// Distributed mode: identity, catalogue, matching, funding, talent and open-data hosts as separate apps on PostgreSQL and
/// RabbitMQ; identity listens on a real socket and the others read its discovery document from there.
/// With <c>MARKETPLACE_TEST_SQLSERVER</c> set, the same hosts run on that SQL Server instead of PostgreSQL.
/// </summary>
public sealed class DistributedEnvironment : MarketplaceEnvironment
{
    private readonly ITestDatabase _identityDb = TestDatabase.Reserve("identity");
    private readonly ITestDatabase _catalogueDb = TestDatabase.Reserve("catalogue");
    private readonly ITestDatabase _matchingDb = TestDatabase.Reserve("matching");
    private readonly ITestDatabase _fundingDb = TestDatabase.Reserve("funding");
    private readonly ITestDatabase _talentDb = TestDatabase.Reserve("talent");
    private readonly ITestDatabase _openDataDb = TestDatabase.Reserve("opendata");
    private RabbitVirtualHost? _vhost;
    private ServiceApp<IdentityHost>? _identity;
    private ServiceApp<CatalogueHost>? _catalogue;
    private ServiceApp<MatchingHost>? _matching;
    private ServiceApp<FundingHost>? _funding;
    private ServiceApp<TalentHost>? _talent;
    private ServiceApp<OpenDataHost>? _openData;

    public override string Mode => "distributed";

    public override HttpClient IdentityClient() => Identity.CreateClient();

    // On a real socket: a plain client with the same behaviour (the factory's options apply to its in-memory server only).
    public override HttpClient IdentityBrowser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = new Uri(Identity.BaseUrl),
        };

    public override IServiceProvider IdentityServices => Identity.Services;

    private ServiceApp<IdentityHost> Identity => _identity ?? throw new InvalidOperationException("Not started.");

    public RabbitVirtualHost VirtualHost => _vhost ?? throw new InvalidOperationException("Not started.");

    public override HttpClient CatalogueClient() => Catalogue.CreateClient();

    public override HttpClient MatchingClient() => Matching.CreateClient();

    public override IServiceProvider CatalogueServices => Catalogue.Services;

    public override IServiceProvider MatchingServices => Matching.Services;

    public override HttpClient FundingClient() => Funding.CreateClient();

    public override IServiceProvider FundingServices => Funding.Services;

    private ServiceApp<FundingHost> Funding => _funding ?? throw new InvalidOperationException("Not started.");

    public override HttpClient TalentClient() => Talent.CreateClient();

    public override IServiceProvider TalentServices => Talent.Services;

    private ServiceApp<TalentHost> Talent => _talent ?? throw new InvalidOperationException("Not started.");
    public override HttpClient OpenDataClient() => OpenData.CreateClient();

    public override IServiceProvider OpenDataServices => OpenData.Services;

    private ServiceApp<OpenDataHost> OpenData => _openData ?? throw new InvalidOperationException("Not started.");

    private ServiceApp<CatalogueHost> Catalogue => _catalogue ?? throw new InvalidOperationException("Not started.");

    private ServiceApp<MatchingHost> Matching => _matching ?? throw new InvalidOperationException("Not started.");

    public override async Task InitializeAsync()
    {
        _vhost = await RabbitVirtualHost.CreateAsync();
        var identitySettings = Settings("identity", _identityDb, new Dictionary<string, string?>());
        identitySettings["Auth:Authority"] = "";
        _identity = new ServiceApp<IdentityHost>(identitySettings, Clock).StartOnSocket(LoopbackPorts.Free());
        // Matching, funding, talent and open data first, so their queues are bound before the catalogue publishes anything;
        // side by side, as a cluster starts them (each waits mostly on its database and the broker).
        var matching = Task.Run(() => new ServiceApp<MatchingHost>(Settings("matching", _matchingDb, new Dictionary<string, string?>()), Clock).Start());
        var funding = Task.Run(() => new ServiceApp<FundingHost>(Settings("funding", _fundingDb, new Dictionary<string, string?>()), Clock).Start());
        var talent = Task.Run(() => new ServiceApp<TalentHost>(Settings("talent", _talentDb, new Dictionary<string, string?>()), Clock).Start());
        var openData = Task.Run(() => new ServiceApp<OpenDataHost>(Settings("opendata", _openDataDb, new Dictionary<string, string?>()), Clock).Start());
        try
        {
            await Task.WhenAll(matching, funding, talent, openData);
        }
        finally
        {
            // Whatever started is disposed with the environment, also when another host failed to start.
            _matching = matching.IsCompletedSuccessfully ? matching.Result : null;
            _funding = funding.IsCompletedSuccessfully ? funding.Result : null;
            _talent = talent.IsCompletedSuccessfully ? talent.Result : null;
            _openData = openData.IsCompletedSuccessfully ? openData.Result : null;
        }
        _catalogue = CreateCatalogue(new Dictionary<string, string?>()).Start();
    }

    public override async Task RestartCatalogueAsync(IReadOnlyDictionary<string, string?> settings)
    {
        await Catalogue.DisposeAsync();
        _catalogue = CreateCatalogue(settings).Start();
    }

    public override async Task RestartMatchingAsync()
    {
        await Matching.DisposeAsync();
        _matching = new ServiceApp<MatchingHost>(Settings("matching", _matchingDb, new Dictionary<string, string?>()), Clock).Start();
    }

    public override async Task DisposeAsync()
    {
        if (_catalogue is not null)
        {
            await _catalogue.DisposeAsync();
        }
        if (_matching is not null)
        {
            await _matching.DisposeAsync();
        }
        if (_funding is not null)
        {
            await _funding.DisposeAsync();
        }
        if (_talent is not null)
        {
            await _talent.DisposeAsync();
        }
        if (_openData is not null)
        {
            await _openData.DisposeAsync();
        }
        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }
        await _identityDb.DisposeAsync();
        await _catalogueDb.DisposeAsync();
        await _matchingDb.DisposeAsync();
        await _fundingDb.DisposeAsync();
        await _talentDb.DisposeAsync();
        await _openDataDb.DisposeAsync();
        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }
    }

    private ServiceApp<CatalogueHost> CreateCatalogue(IReadOnlyDictionary<string, string?> overrides) =>
        new(Settings("catalogue", _catalogueDb, overrides), Clock);

    private Dictionary<string, string?> Settings(string service, ITestDatabase database, IReadOnlyDictionary<string, string?> overrides)
    {
        var settings = Merge(Common(), overrides);
        settings["Database:Provider"] = database.Provider;
        settings[$"ConnectionStrings:{service}"] = database.ConnectionString;
        settings["Messaging:Transport"] = "RabbitMq";
        settings["Messaging:RabbitMqUri"] = VirtualHost.Uri;
        if (_identity is not null)
        {
            // Like a cluster: the issuer's public name in tokens, discovery read from the service's own address.
            settings["Auth:Authority"] = TestServers.Issuer;
            settings["Auth:MetadataAddress"] = $"{_identity.BaseUrl}/api/identity/.well-known/openid-configuration";
            settings["Auth:RequireHttpsMetadata"] = "false";
        }
        return settings;
    }
}
