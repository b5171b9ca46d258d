using Marketplace.Testing;

namespace Marketplace.DeploymentTests;

/// <summary>
/// The distributed executables found in the repository (every <c>services/*/*.Host</c> and the gateway),
/// so a new service cannot be forgotten in the deployment files. The standalone host is the
/// one-process mode and is deployed by none of them.
/// </summary>
internal static class RepositoryHosts
{
    public static string Root => HostProcesses.RepositoryRoot;

    /// <summary>The services' short names (the folder under services/), as the deployment files name them.</summary>
    public static IReadOnlyList<string> Services { get; } = Directory
        .GetDirectories(Path.Combine(Root, "services"))
        .Where(service => Directory.GetDirectories(service, "*.Host").Length == 1)
        .Select(Path.GetFileName)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Every deployed host: the services and the gateway.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Services, "gateway"];

    /// <summary>
    /// The PostgreSQL database (and login) a host owns: a service's is named after it; the gateway's is
    /// <c>web</c>, the web UI's sessions and Data Protection key ring, shared by its replicas.
    /// </summary>
    public static string Database(string host) => host == "gateway" ? "web" : host;

    /// <summary>Every host's database, each migrated by its host's <c>--migrate</c> before the host starts.</summary>
    public static IReadOnlyList<string> Databases { get; } = All.Select(Database).Order(StringComparer.Ordinal).ToList();

    /// <summary>Services with message consumers, which KEDA scales on their queues' depth.</summary>
    public static IReadOnlyList<string> Consumers { get; } = Services
        .Where(service => Directory.GetDirectories(Path.Combine(Root, "services", service), "Consumers", SearchOption.AllDirectories)
            .Any(folder => Directory.EnumerateFiles(folder, "*Consumer.cs").Any()))
        .ToList();

    /// <summary>The project folder and assembly name of a host, as the Dockerfile's build arguments take them.</summary>
    public static (string Project, string Assembly) Project(string host)
    {
        if (host == "gateway")
        {
            return ("gateway/Marketplace.Gateway", "Marketplace.Gateway");
        }
        var folder = Directory.GetDirectories(Path.Combine(Root, "services", host), "*.Host").Single();
        return ($"services/{host}/{Path.GetFileName(folder)}", Path.GetFileName(folder));
    }
}
