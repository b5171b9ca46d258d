using System.Diagnostics;

namespace Marketplace.DeploymentTests;

/// <summary>Runs one of the deployment tools (kubectl, docker-compose) to completion, bounded in time.</summary>
internal static class CommandLine
{
    public static async Task<string> RunAsync(string tool, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(tool)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"'{tool}' is not installed: ./test.sh installs it (scripts/test-servers.sh), or apt-get install it.", ex);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await error}");
            }
            return await output;
        }
    }
}
