namespace Marketplace.Testing;

/// <summary>
/// The six service hosts and the gateway as separate processes on PostgreSQL and RabbitMQ, deployed as documented: each on a
/// throwaway database of its own, migrated with the explicit <c>--migrate</c> step first; identity the authority that the others
/// trust by its issuer URL; the gateway the single public entry. Disposing stops every process and drops the databases and the
/// virtual host, also after a failed start.
/// </summary>
public sealed class DistributedHosts : IAsyncDisposable
{
    public const string AdminEmail = "admin@system.test";
    public const string AdminPassword = "Bootstrap2026";
    public const string Gateway = "gateway";

    /// <summary>The services behind the gateway; the gateway is ready only when each one it routes to is.</summary>
    public static readonly IReadOnlyList<string> Services = ["identity", "catalogue", "matching", "funding", "talent", "opendata"];

    private static readonly Dictionary<string, string> Projects = new()
    {
        ["identity"] = "services/identity/Marketplace.Identity.Host",
        ["catalogue"] = "services/catalogue/Marketplace.Catalogue.Host",
        ["matching"] = "services/matching/Marketplace.Matching.Host",
        ["funding"] = "services/funding/Marketplace.Funding.Host",
        ["talent"] = "services/talent/Marketplace.Talent.Host",
        ["opendata"] = "services/opendata/Marketplace.OpenData.Host",
        [Gateway] = "gateway/Marketplace.Gateway",
    };

    private readonly Dictionary<string, PostgresDatabase> _databases = [];
    private readonly Dictionary<string, HostProcess> _hosts = [];
    private RabbitVirtualHost? _virtualHost;

    private DistributedHosts()
    {
    }

    public RabbitVirtualHost VirtualHost => _virtualHost ?? throw new InvalidOperationException("The hosts have not started.");

    /// <summary>Every running host, the services first and the gateway last.</summary>
    public IReadOnlyList<(string Name, HostProcess Host)> All =>
        [.. Services.Append(Gateway).Where(_hosts.ContainsKey).Select(name => (name, _hosts[name]))];

    public HostProcess this[string name] => _hosts[name];

    /// <summary>A service's database; the gateway's (the web UI's sessions and key ring) is <c>web</c>.</summary>
    public PostgresDatabase Database(string name) => _databases[name == Gateway ? "web" : name];

    /// <summary>
    /// Migrates and starts everything. <paramref name="configure"/> sees each host's environment (by host name, the gateway's
    /// as <see cref="Gateway"/>) just before that host starts, to add or override settings.
    /// </summary>
    public static async Task<DistributedHosts> StartAsync(Action<string, IDictionary<string, string>>? configure = null)
    {
        var hosts = new DistributedHosts();
        try
        {
            await hosts.MigrateAndStartAsync(configure ?? ((_, _) => { }));
            return hosts;
        }
        catch
        {
            await hosts.DisposeAsync();
            throw;
        }
    }

    private async Task MigrateAndStartAsync(Action<string, IDictionary<string, string>> configure)
    {
        foreach (var service in Services.Append("web"))
        {
            _databases[service] = PostgresDatabase.Reserve(service);
        }
        _virtualHost = await RabbitVirtualHost.CreateAsync();

        // Without the migration step a service is not ready (its tables do not exist). The steps touch separate databases, so they
        // run side by side.
        var migrations = await Task.WhenAll(Services.Append(Gateway).Select(async name =>
            (name, await HostProcess.RunToEndAsync(Dll(name), BaseEnvironment(name), "--migrate"))));
        foreach (var (name, (exitCode, output)) in migrations)
        {
            Assert.True(exitCode == 0, $"{name} --migrate exited with {exitCode}:\n{output}");
        }

        var identityEnvironment = BaseEnvironment("identity");
        identityEnvironment["Auth__Authority"] = "";
        identityEnvironment["Identity__Issuer"] = TestServers.Issuer;
        identityEnvironment["Identity__BootstrapAdmin__Email"] = AdminEmail;
        identityEnvironment["Identity__BootstrapAdmin__Password"] = AdminPassword;
        await StartAsync("identity", identityEnvironment, configure);

        // The other services only need identity's address (they read its discovery document when a token first arrives), not each other.
        await Task.WhenAll(Services.Skip(1).Select(service => StartAsync(service, Trusting(BaseEnvironment(service)), configure)));

        var gatewayEnvironment = Trusting(BaseEnvironment(Gateway));
        foreach (var service in Services)
        {
            // The API routes and the web UI's calls go to the same addresses.
            gatewayEnvironment[$"Gateway__Services__{service}"] = _hosts[service].BaseAddress.ToString();
            gatewayEnvironment[$"Web__Services__{service}"] = _hosts[service].BaseAddress.ToString();
        }
        await StartAsync(Gateway, gatewayEnvironment, configure);
    }

    private async Task StartAsync(string name, Dictionary<string, string> environment, Action<string, IDictionary<string, string>> configure)
    {
        configure(name, environment);
        var host = await HostProcess.StartAsync(Dll(name), environment);
        lock (_hosts)
        {
            _hosts[name] = host;
        }
    }

    private Dictionary<string, string> BaseEnvironment(string name) => new()
    {
        ["Database__Provider"] = "Postgres",
        [$"ConnectionStrings__{(name == Gateway ? "web" : name)}"] = Database(name).ConnectionString,
        ["Messaging__Transport"] = "RabbitMq",
        ["Messaging__RabbitMqUri"] = VirtualHost.Uri,
        ["Auth__Audience"] = TestServers.Audience,
        // Workstation GC, as the container image runs every host (Dockerfile).
        ["DOTNET_gcServer"] = "0",
    };

    private Dictionary<string, string> Trusting(Dictionary<string, string> environment)
    {
        environment["Auth__Authority"] = TestServers.Issuer;
        environment["Auth__MetadataAddress"] = new Uri(_hosts["identity"].BaseAddress, "/api/identity/.well-known/openid-configuration").ToString();
        environment["Auth__RequireHttpsMetadata"] = "false";
        return environment;
    }

    private static string Dll(string name) => HostProcess.Dll(Projects[name], Path.GetFileName(Projects[name]));

    /// <summary>The gateway first, so nothing new reaches the services while they stop; then the databases and the virtual host.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_hosts.TryGetValue(Gateway, out var gateway))
        {
            await gateway.DisposeAsync();
        }
        await Task.WhenAll(_hosts.Where(h => h.Key != Gateway).Select(h => h.Value.DisposeAsync().AsTask()));
        try
        {
            await Task.WhenAll(_databases.Values.Select(db => db.DisposeAsync().AsTask()));
        }
        finally
        {
            if (_virtualHost is not null)
            {
                await _virtualHost.DisposeAsync();
            }
        }
    }
}
