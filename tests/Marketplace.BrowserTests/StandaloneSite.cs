using System.Diagnostics;
using System.Text;
using Marketplace.Testing;

namespace Marketplace.BrowserTests;

/// <summary>
/// The standalone host with its demo data, started as its own process on a free loopback port, configured so that
/// its issuer and the web UI's redirect URIs name that port.
/// </summary>
public sealed class StandaloneSite : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataFolder;

    private StandaloneSite(Process process, string dataFolder, Uri baseAddress)
    {
        _process = process;
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

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

    /// <param name="environment">The host's ASP.NET Core environment: Production unless a test needs what only Development allows.</param>
    /// <param name="settings">Further configuration, as environment variables (<c>Catalogue__DeadlineCheckSeconds</c>).</param>
    public static async Task<StandaloneSite> StartAsync(string environment = "Production", IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = LoopbackPorts.Free();
        var origin = $"http://127.0.0.1:{port}";
        var dataFolder = Path.Combine(Path.GetTempPath(), "marketplace-browser-" + Guid.NewGuid().ToString("N"));
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepositoryRoot, "standalone", "Marketplace.Standalone", "bin", configuration, "net10.0", "Marketplace.Standalone.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(origin);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["Database__DataFolder"] = dataFolder;
        info.Environment["Identity__Issuer"] = origin + "/api/identity";
        info.Environment["Identity__WebClient__RedirectUris__0"] = origin + "/signin-callback";
        info.Environment["Identity__WebClient__PostLogoutRedirectUris__0"] = origin + "/signout-callback";
        info.Environment["Web__Authority"] = origin + "/api/identity";
        info.Environment["Web__ApiBaseUrl"] = origin;
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        var process = new Process { StartInfo = info };
        var site = new StandaloneSite(process, dataFolder, new Uri(origin));
        process.OutputDataReceived += (_, e) => site.Record(e.Data);
        process.ErrorDataReceived += (_, e) => site.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = site.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                break;
            }
            try
            {
                // Ready once the demo data is seeded (the welcome banner follows it).
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode && site.Output.Contains("Demo accounts", StringComparison.Ordinal))
                {
                    return site;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
                // A probe slower than its 5 s while the host starts on a busy machine; the overall limit still holds.
            }
            await Task.Delay(500);
        }
        var output = site.Output;
        await site.DisposeAsync();
        throw new InvalidOperationException("The standalone host did not start:\n" + output);
    }

    public static string RepositoryRoot => HostProcesses.RepositoryRoot;

    public async ValueTask DisposeAsync()
    {
        await HostProcesses.StopAsync(_process);
        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
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
}
