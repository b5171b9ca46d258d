using System.Diagnostics;
using System.Globalization;
using System.Text;
using Marketplace.Testing;

namespace Marketplace.SystemTests;

/// <summary>
/// The Aspire AppHost as its own process, with everything it starts (DCP, the dashboard, the hosts). Disposing stops it
/// as Ctrl+C would, then ends by id whatever it started that is still alive, so no process keeps a port after the test.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    // Every process seen below the AppHost, by id and start time (a reused id is not the same process).
    private readonly Dictionary<int, string> _descendants = [];
    private int _disposed;

    private AppHostProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static AppHostProcess Start(IDictionary<string, string> environment)
    {
        var dll = HostProcess.Dll("tools/Marketplace.AppHost", "Marketplace.AppHost");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var host = new AppHostProcess(new Process { StartInfo = info });
        host._process.OutputDataReceived += (_, e) => host.Record(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Record(e.Data);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Notes the processes below the AppHost now, so that they are ended even if the AppHost dies first.</summary>
    public void RecordDescendants()
    {
        lock (_descendants)
        {
            foreach (var (pid, started) in Descendants(_process.Id))
            {
                _descendants[pid] = started;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        if (!_process.HasExited)
        {
            RecordDescendants();
            // SIGTERM, as Ctrl+C: the AppHost stops the hosts, the dashboard and DCP, and waits for them (DcpPublisher:WaitForResourceCleanup).
            Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
            using var grace = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        Dictionary<int, string> seen;
        lock (_descendants)
        {
            seen = new(_descendants);
        }
        // What did not stop with it (a host DCP had not ended yet) gets a few seconds, then SIGKILL, each by its id.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (seen.Any(p => IsAlive(p.Key, p.Value)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        foreach (var (pid, started) in seen.Where(p => IsAlive(p.Key, p.Value)))
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Gone in the meantime.
            }
        }
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static bool IsAlive(int pid, string started) => StartTime(pid) == started;

    /// <summary>Every process whose chain of parents leads to <paramref name="root"/>, with its start time.</summary>
    private static Dictionary<int, string> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Stat(pid) is { } stat)
            {
                parents[pid] = int.Parse(stat[1], CultureInfo.InvariantCulture);
            }
        }
        var found = new Dictionary<int, string>();
        foreach (var pid in parents.Keys)
        {
            for (int parent = parents[pid], depth = 0; parent > 1 && depth < 64; parent = parents.GetValueOrDefault(parent), depth++)
            {
                if (parent == root)
                {
                    if (StartTime(pid) is { } started)
                    {
                        found[pid] = started;
                    }
                    break;
                }
            }
        }
        return found;
    }

    private static string? StartTime(int pid) => Stat(pid)?[19];

    /// <summary>The fields of /proc/&lt;pid&gt;/stat after the command name (state, ppid, ...; start time is the 20th), or null when gone.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
