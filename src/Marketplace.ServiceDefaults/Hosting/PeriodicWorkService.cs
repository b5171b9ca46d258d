using Marketplace.ServiceDefaults.Auditing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Hosting;

/// <summary>
/// Runs a piece of durable work on start-up and then at a fixed interval. The work's state lives in
/// the database, so a failed round is logged and simply retried on the next one.
/// </summary>
public abstract partial class PeriodicWorkService(TimeSpan interval, ILogger logger) : BackgroundService
{
    /// <summary>What the work does, for the log ("Closing scenarios at their deadline").</summary>
    protected abstract string Work { get; }

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                using (AuditCause.Begin(Work))
                {
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, Work, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed; retrying on the next round")]
    private static partial void LogFailed(ILogger logger, string work, Exception exception);
}
