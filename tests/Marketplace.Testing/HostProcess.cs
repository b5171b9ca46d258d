using System.Diagnostics;
using System.Text;

namespace Marketplace.Testing;

/// <summary>One of the marketplace's executables running as its own process on a free loopback port.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    // Generous: on a shared 2-core machine the browser lane runs beside these tests, and a host that migrates and seeds
    // (the standalone one) has taken over a minute to listen there; a host that never starts still fails.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>The operating system's id of the host itself (<c>dotnet app.dll</c> runs the app in the process it starts).</summary>
    public int ProcessId => _process.Id;

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

    /// <summary>The executable's dll in its own build output (same configuration as the tests).</summary>
    public static string Dll(string projectFolder, string name)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryRoot, projectFolder, "bin", configuration, "net10.0", name + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {projectFolder} first.", path);
    }

    public static string RepositoryRoot => HostProcesses.RepositoryRoot;

    /// <summary>Runs a command to completion (e.g. <c>--migrate</c>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToEndAsync(string dll, IDictionary<string, string> environment, params string[] args)
    {
        using var process = Create(dll, environment, args);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Starts the executable and waits until Kestrel reports it is listening (on <paramref name="port"/> when one is given).</summary>
    public static async Task<HostProcess> StartAsync(string dll, IDictionary<string, string> environment, string? workingDirectory = null, int? port = null)
    {
        port ??= LoopbackPorts.Free();
        var process = Create(dll, environment, "--urls", $"http://127.0.0.1:{port}");
        if (workingDirectory is not null)
        {
            process.StartInfo.WorkingDirectory = workingDirectory;
        }
        var host = new HostProcess(process, port.Value);
        process.OutputDataReceived += (_, e) => host.Record(e.Data);
        process.ErrorDataReceived += (_, e) => host.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var started = await Task.WhenAny(host._listening.Task, process.WaitForExitAsync(), Task.Delay(StartTimeout));
        if (started != host._listening.Task)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"{Path.GetFileName(dll)} did not start:\n{host.Output}");
        }
        return host;
    }

    /// <summary>SIGKILL, as a node failure or the OOM killer would: no graceful shutdown, nothing flushed.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public HttpClient Client() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Stops the process; a second call (a test that stopped it early, then its cleanup) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await HostProcesses.StopAsync(_process);
        _process.Dispose();
    }

    private int _disposed;

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
        if (line.Contains("Now listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    private static Process Create(string dll, IDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        return new Process { StartInfo = info };
    }
}
