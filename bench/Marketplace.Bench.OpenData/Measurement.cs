using System.Diagnostics;

namespace Marketplace.Bench.OpenData;

/// <summary>
/// Times one phase and records its peak memory: the process's peak resident set (Linux VmHWM, reset before the phase
/// through /proc/self/clear_refs), the largest GC heap seen by a 20 ms sampler, and the bytes allocated.
/// </summary>
public sealed record Measured(string Phase, TimeSpan Elapsed, long PeakRssBytes, long PeakHeapBytes, long AllocatedBytes, long OutputBytes);

public static class Measurement
{
    public static async Task<Measured> RunAsync(string phase, Func<Task<long>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        ResetPeakRss();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        long peakHeap = GC.GetTotalMemory(false);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                try
                {
                    await Task.Delay(20, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
        var clock = Stopwatch.StartNew();
        var output = await work();
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        return new Measured(phase, clock.Elapsed, PeakRss(), peakHeap, GC.GetTotalAllocatedBytes(precise: true) - allocated, output);
    }

    private static void ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // Not Linux, or not allowed: the peak then covers the whole run so far.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static long PeakRss()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null ? Process.GetCurrentProcess().PeakWorkingSet64
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
