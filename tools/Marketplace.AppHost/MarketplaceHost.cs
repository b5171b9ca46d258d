namespace Marketplace.AppHost;

/// <summary>
/// One of the marketplace's executables as the AppHost runs it: its name (the resource's, the telemetry's service name and
/// the deployment files' name), its project, its port in scripts/run-distributed.sh, and the database it owns and migrates.
/// </summary>
internal sealed record MarketplaceHost(string Name, IProjectMetadata Project, int DefaultPort, string Database)
{
    /// <summary>
    /// The host's dll in its build output, in the AppHost's own configuration (the project references build it first).
    /// DCP starts it with <c>dotnet</c>: no <c>dotnet run</c>, so nothing is evaluated or built while the hosts start.
    /// </summary>
    public string Dll
    {
        get
        {
            // The AppHost runs from bin/<configuration>/<framework>/ of its own project; the hosts build to the same pair.
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var assembly = Path.GetFileNameWithoutExtension(Project.ProjectPath);
            var dll = Path.Combine(Path.GetDirectoryName(Project.ProjectPath)!, "bin", output.Parent!.Name, output.Name, assembly + ".dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"{assembly} is not built; build the AppHost, which builds every host.", dll);
        }
    }
}
