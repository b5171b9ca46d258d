using System.Diagnostics;
using System.Globalization;

namespace Marketplace.Testing;

/// <summary>What the tests that run the built hosts as processes share: where the repository is, and how a host is stopped.</summary>
public static class HostProcesses
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found above the test binaries.");
        }
    }

    /// <summary>SIGTERM first, as an orchestrator would, so the host shuts down gracefully; killed after 15 s.</summary>
    public static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }
        Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
