using System.Diagnostics;
using System.Globalization;
using Marketplace.Testing;

namespace Marketplace.SoakTests;

/// <summary>Reads every host's resident set size from <c>/proc/&lt;pid&gt;/status</c> at a fixed interval until stopped.</summary>
public sealed class RssSampler : IAsyncDisposable
{
    private readonly List<RssSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private RssSampler(IReadOnlyList<(string Name, HostProcess Host)> hosts, TimeSpan interval, Stopwatch clock) =>
        _loop = Task.Run(() => LoopAsync(hosts, interval, clock, _stop.Token));

    public static RssSampler Start(IReadOnlyList<(string Name, HostProcess Host)> hosts, TimeSpan interval, Stopwatch clock) => new(hosts, interval, clock);

    /// <summary>Stops sampling and returns the samples in the order taken.</summary>
    public async Task<IReadOnlyList<RssSample>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        lock (_samples)
        {
            return [.. _samples];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }
        _stop.Dispose();
    }

    /// <summary>VmRSS of a process in MB, or null when it has exited.</summary>
    public static double? ReadMb(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                // "VmRSS:     123456 kB"
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024.0;
                }
            }
            return null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
    }

    private async Task LoopAsync(IReadOnlyList<(string Name, HostProcess Host)> hosts, TimeSpan interval, Stopwatch clock, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            var at = clock.Elapsed;
            var round = hosts.Select(h => new RssSample(h.Name, at, h.Host.HasExited ? null : ReadMb(h.Host.ProcessId))).ToList();
            lock (_samples)
            {
                _samples.AddRange(round);
            }
        }
        while (await Tick(timer, stop));
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
