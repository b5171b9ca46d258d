using System.Text.Json;

namespace Marketplace.DeploymentTests;

/// <summary>
/// The settings a host ships with are what `scripts/run-distributed.sh` and a developer's own run use:
/// a service missing from them is unreachable through the gateway on one machine, while compose and
/// k8s (which set every address) work.
/// </summary>
public sealed class LocalRunSettingsTests
{
    private static JsonElement GatewaySettings() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryHosts.Root, "gateway/Marketplace.Gateway/appsettings.json"))).RootElement;

    [Theory]
    [InlineData("Gateway")]
    [InlineData("Web")]
    public void The_gateways_shipped_settings_name_every_service(string section)
    {
        var named = GatewaySettings().GetProperty(section).GetProperty("Services").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(RepositoryHosts.Services, named);
    }

    [Fact]
    public void The_local_distributed_run_starts_every_host()
    {
        var script = File.ReadAllLines(Path.Combine(RepositoryHosts.Root, "scripts/run-distributed.sh"));
        var started = script.Select(line => line.Trim())
            .Where(line => line.StartsWith('"') && line.EndsWith('"') && line.Split(' ').Length == 3)
            .Select(line => line.Trim('"').Split(' ')[0])
            .Order(StringComparer.Ordinal);
        Assert.Equal(RepositoryHosts.All.Order(StringComparer.Ordinal), started);
    }
}
