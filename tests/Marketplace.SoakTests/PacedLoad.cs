using System.Diagnostics;

namespace Marketplace.SoakTests;

/// <summary>
/// An open-loop load: operation n starts n / rate seconds after the start, whether or not the earlier ones have finished, as
/// independent people's requests do. A slow host therefore meets a growing queue, not a client that politely waits for it.
/// </summary>
public static class PacedLoad
{
    /// <summary>Runs until <paramref name="duration"/> has passed and every started operation has ended; returns how many started.</summary>
    public static async Task<long> RunAsync(double perSecond, TimeSpan duration, Stopwatch clock, Func<long, Task> operation)
    {
        var started = clock.Elapsed;
        var running = new List<Task>();
        long slot = 0;
        for (; ; slot++)
        {
            var due = TimeSpan.FromSeconds(slot / perSecond);
            if (due >= duration)
            {
                break;
            }
            var wait = started + due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var current = slot;
            running.Add(Task.Run(() => operation(current)));
            if (running.Count >= 1000)
            {
                running.RemoveAll(t => t.IsCompleted);
            }
        }
        await Task.WhenAll(running);
        return slot;
    }
}
