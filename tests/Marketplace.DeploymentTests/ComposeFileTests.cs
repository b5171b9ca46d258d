using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Marketplace.DeploymentTests;

/// <summary>docker-compose.yml as <c>docker-compose config</c> resolves it with the example environment file.</summary>
public sealed class ComposeFileTests
{
    private static readonly Lazy<Task<YamlMappingNode>> Resolved = new(async () =>
    {
        var yaml = await CommandLine.RunAsync("docker-compose", RepositoryHosts.Root, "--env-file", ".env.example", "-f", "docker-compose.yml", "config");
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    });

    [Fact]
    public async Task Every_host_runs_after_its_migration_completed_and_reports_its_health()
    {
        var services = Map(await Resolved.Value, "services");
        foreach (var host in RepositoryHosts.All)
        {
            var service = Map(services, host);
            var (project, assembly) = RepositoryHosts.Project(host);
            Assert.Equal(project, Scalar(service, "build", "args", "PROJECT"));
            Assert.Equal(assembly, Scalar(service, "build", "args", "ASSEMBLY"));
            Assert.Equal("true", Scalar(service, "read_only"));
            Assert.NotNull(Scalar(service, "healthcheck", "interval"));
            Assert.True(KubernetesManifestTests.IsPinned(Scalar(service, "image")!), $"{host}: image is not pinned");
            var migration = Map(services, host + "-migrate");
            Assert.Equal(Scalar(service, "image"), Scalar(migration, "image"));
            Assert.Equal(project, Scalar(migration, "build", "args", "PROJECT"));
            Assert.Equal("--migrate", Assert.Single(((YamlSequenceNode)migration.Children[new YamlScalarNode("command")]).Children).ToString());
            Assert.Equal("no", Scalar(migration, "restart"));
            Assert.Equal("service_completed_successfully", Scalar(service, "depends_on", host + "-migrate", "condition"));
            Assert.Equal("service_healthy", Scalar(migration, "depends_on", "postgres", "condition"));
            // The host and its migration use the same database and login: the host's own.
            var database = RepositoryHosts.Database(host);
            foreach (var container in new[] { service, migration })
            {
                Assert.Equal("Postgres", Scalar(container, "environment", "Database__Provider"));
                Assert.Equal($"Host=postgres;Database={database};Username={database};Password=change-me-{database}",
                    Scalar(container, "environment", $"ConnectionStrings__{database}"));
            }
            if (host == "gateway")
            {
                // The gateway waits for every service, and uses no broker (neither does its migration).
                Assert.All(RepositoryHosts.Services, s => Assert.Equal("service_healthy", Scalar(service, "depends_on", s, "condition")));
                Assert.All(new[] { service, migration }, c => Assert.Null(Scalar(c, "environment", "Messaging__RabbitMqUri")));
                Assert.Null(Scalar(service, "depends_on", "rabbitmq", "condition"));
                continue;
            }
            Assert.Equal("service_healthy", Scalar(service, "depends_on", "rabbitmq", "condition"));
        }
    }

    [Fact]
    public async Task PostgreSQL_creates_every_hosts_database_and_login_on_its_first_start()
    {
        // init-databases.sh (compose and the dev overlay) makes one database and login per name in its
        // loop, with the password from <NAME>_DB_PASSWORD.
        var postgres = Map(Map(await Resolved.Value, "services"), "postgres");
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryHosts.Root, "k8s/overlays/dev/postgres/init-databases.sh"));
        var loop = Regex.Match(script, @"^for \w+ in ([a-z ]+); do$", RegexOptions.Multiline);
        Assert.True(loop.Success, "init-databases.sh has no loop over the databases");
        Assert.Equal(RepositoryHosts.Databases, loop.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.All(RepositoryHosts.Databases, database => Assert.Equal($"change-me-{database}",
            Scalar(postgres, "environment", $"{database.ToUpperInvariant()}_DB_PASSWORD")));
    }

    [Fact]
    public async Task The_servers_and_the_dashboard_are_pinned_healthy_and_bound_to_loopback_only()
    {
        var services = Map(await Resolved.Value, "services");
        foreach (var name in new[] { "postgres", "rabbitmq", "aspire-dashboard" })
        {
            Assert.True(KubernetesManifestTests.IsPinned(Scalar(Map(services, name), "image")!), $"{name}: image is not pinned");
        }
        Assert.NotNull(Scalar(Map(services, "postgres"), "healthcheck", "interval"));
        Assert.NotNull(Scalar(Map(services, "rabbitmq"), "healthcheck", "interval"));
        var published = services.Children.Values.OfType<YamlMappingNode>()
            .SelectMany(s => s.Children.TryGetValue(new YamlScalarNode("ports"), out var ports) ? ((YamlSequenceNode)ports).Children : [])
            .ToList();
        Assert.NotEmpty(published);
        Assert.All(published, port => Assert.StartsWith("127.0.0.1:", ((YamlScalarNode)port).Value, StringComparison.Ordinal));
        Assert.Equal("grpc", Scalar(Map(services, "gateway"), "environment", "Telemetry__OtlpProtocol"));
    }

    [Fact]
    public async Task The_compose_file_refuses_to_start_without_the_secrets_of_an_environment_file()
    {
        // Without .env the required variables are missing: nothing starts with a default password.
        var empty = Path.GetTempFileName();
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CommandLine.RunAsync(
                "docker-compose", RepositoryHosts.Root, "--env-file", empty, "-f", "docker-compose.yml", "config"));
            Assert.Contains("set POSTGRES_PASSWORD in .env", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(empty);
        }
        Assert.Contains(".env", await File.ReadAllTextAsync(Path.Combine(RepositoryHosts.Root, ".gitignore")), StringComparison.Ordinal);
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (YamlMappingNode)child : throw new Xunit.Sdk.XunitException($"docker-compose.yml has no '{key}'");

    private static string? Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }
            current = child;
        }
        return (current as YamlScalarNode)?.Value;
    }
}
