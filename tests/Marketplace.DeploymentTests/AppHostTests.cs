using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Marketplace.DeploymentTests;

/// <summary>The Aspire AppHost (tools/Marketplace.AppHost) lists its hosts by hand: a new service cannot be left out of it.</summary>
public sealed partial class AppHostTests
{
    private static readonly string Folder = Path.Combine(RepositoryHosts.Root, "tools", "Marketplace.AppHost");

    [Fact]
    public void The_AppHost_builds_and_runs_every_host_with_its_own_database_on_the_run_scripts_port()
    {
        var references = XDocument.Load(Path.Combine(Folder, "Marketplace.AppHost.csproj")).Descendants("ProjectReference")
            .Select(r => r.Attribute("Include")!.Value.Replace('\\', '/'))
            .ToList();
        var hosts = HostEntry().Matches(File.ReadAllText(Path.Combine(Folder, "MarketplaceHosts.cs")))
            .ToDictionary(m => m.Groups["name"].Value);
        var scriptPorts = ScriptHost().Matches(File.ReadAllText(Path.Combine(RepositoryHosts.Root, "scripts", "run-distributed.sh")))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["port"].Value);

        Assert.Equal(RepositoryHosts.All.Order(), hosts.Keys.Order());
        Assert.Equal(RepositoryHosts.All.Count, references.Count);
        foreach (var host in RepositoryHosts.All)
        {
            var (project, assembly) = RepositoryHosts.Project(host);
            Assert.Contains($"../../{project}/{assembly}.csproj", references);
            Assert.Equal(assembly.Replace('.', '_'), hosts[host].Groups["project"].Value);
            Assert.Equal(RepositoryHosts.Database(host), hosts[host].Groups["database"].Value);
            Assert.Equal(scriptPorts[host], hosts[host].Groups["port"].Value);
        }
    }

    /// <summary><c>new("catalogue", new Projects.Marketplace_Catalogue_Host(), 5101, "catalogue")</c></summary>
    [GeneratedRegex("""new\("(?<name>[a-z]+)", new Projects\.(?<project>\w+)\(\), (?<port>\d+), "(?<database>[a-z]+)"\)""")]
    private static partial Regex HostEntry();

    /// <summary><c>"catalogue services/catalogue/Marketplace.Catalogue.Host 5101"</c> in the script's HOSTS.</summary>
    [GeneratedRegex("""^\s+"(?<name>[a-z]+) \S+ (?<port>\d+)"$""", RegexOptions.Multiline)]
    private static partial Regex ScriptHost();
}
