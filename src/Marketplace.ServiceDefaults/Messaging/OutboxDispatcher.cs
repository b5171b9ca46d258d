using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Observability;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>
/// Publishes a service's stored events in order, marking each one dispatched only after the bus
/// accepted it (RabbitMQ publisher confirms). A crash between publish and mark re-publishes with the
/// same message id, which consumers' inboxes ignore: delivery is at least once, effect exactly once.
/// </summary>
public sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    OutboxOptions options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IServiceDbContext
{
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hosted services start in registration order and this one is registered with the database,
        // before the bus: wait until every hosted service (the bus with its queues bound) has started,
        // or an event published into a bus that is not yet listening would be marked sent and lost.
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }
        var poll = TimeSpan.FromMilliseconds(options.PollIntervalMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
                await CleanupAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogDispatchLoopFailed(logger, ex, typeof(TContext).Name);
            }

            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Publishes everything that is due; returns how many messages went out. Rows go out in order and
    /// a row backing off after a publish failure holds back the rows behind it. A row that cannot be
    /// read (unknown type, undeserialisable body) does not: waiting for the broker cannot mend it.
    /// After <c>Outbox:MaxAttempts</c> failures of either kind the row is set aside (see docs/decisions/0008).
    /// Several replicas of a service may run this at once (ADR 0026): each batch is claimed in a
    /// transaction, so a row is never published by two of them.
    /// </summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            var batch = await DispatchBatchAsync(cancellationToken);
            sent += batch.Sent;
            if (!batch.Progressed)
            {
                return sent;
            }
        }
    }

    /// <summary>One claimed batch; <c>Progressed</c> false when there is nothing more to do now.</summary>
    private async Task<(int Sent, bool Progressed)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (!OutboxClaim.NeedsClaim(db))
        {
            return await PublishAsync(db, await OutboxClaim.PendingInOrder(db).Take(options.BatchSize).ToListAsync(cancellationToken), cancellationToken);
        }
        // The provider's retrying strategy wraps the claim's transaction; a retry starts afresh
        // (a row published before the failure goes out again with its message id: consumers' inboxes drop it).
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await OutboxClaim.ClaimAsync(db, options.BatchSize, ct);
            var result = claimed is null ? (0, false) : await PublishAsync(db, claimed, ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

    private async Task<(int Sent, bool Progressed)> PublishAsync(TContext db, List<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        var sent = 0;
        var progressed = false;
        foreach (var message in batch)
        {
            var read = Read(message);
            if (message.NextAttemptAt > time.GetUtcNow())
            {
                if (read.Error is not null)
                {
                    continue;
                }
                // Keep the order: nothing behind a message in back-off overtakes it.
                return (sent, false);
            }
            using var activity = OutboxTracing.StartPublish(message);
            progressed = true;
            if (read.Error is not null)
            {
                LogUnreadable(logger, message.MessageId, message.MessageType, read.Error);
            }
            var error = read.Error ?? await PublishAsync(message, read.Type!, read.Body!, cancellationToken);
            if (error is not null)
            {
                message.MarkFailed(error, time.GetUtcNow(), options.MaxAttempts);
                await db.SaveChangesAsync(cancellationToken);
                if (message.DeadLetteredAt is not null)
                {
                    LogDeadLettered(logger, message.MessageId, message.MessageType, message.Attempts, message.LastError);
                    continue;
                }
                if (read.Error is not null)
                {
                    continue;
                }
                return (sent, false);
            }
            message.MarkDispatched(time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            LogPublished(logger, message.MessageType, message.MessageId);
            sent++;
        }
        return (sent, progressed);
    }

    private static (Type? Type, object? Body, string? Error) Read(OutboxMessage message)
    {
        var type = message.ResolveType();
        if (type is null)
        {
            return (null, null, $"Unknown message type '{message.MessageType}'.");
        }
        try
        {
            return (type, message.Deserialize(type), null);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            return (type, null, $"The body cannot be read as {message.MessageType}: {ex.Message}");
        }
    }

    /// <summary>Publishes one message; returns null on success, otherwise why it failed.</summary>
    private async Task<string?> PublishAsync(OutboxMessage message, Type type, object body, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await bus.Publish(body, type, context =>
            {
                context.MessageId = message.MessageId;
            }, timeout.Token);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogPublishFailed(logger, ex, message.MessageId, message.MessageType);
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }
        _nextCleanup = now.AddHours(1);
        var cutoff = now.AddDays(-options.RetentionDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.OutboxMessages.Where(m => m.DispatchedAt != null && m.DispatchedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.InboxMessages.Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {MessageType} {MessageId} from the outbox")]
    private static partial void LogPublished(ILogger logger, string messageType, Guid messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch loop for {Context} failed; retrying")]
    private static partial void LogDispatchLoopFailed(ILogger logger, Exception exception, string context);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({MessageType}) cannot be read: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, Guid messageId, string messageType, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({MessageType}) set aside after {Attempts} failed attempts: {LastError}. Fix the cause, then re-queue it (POST /api/<service>/admin/outbox/<message id>/requeue)")]
    private static partial void LogDeadLettered(ILogger logger, Guid messageId, string messageType, int attempts, string? lastError);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({MessageType}) failed; will retry")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid messageId, string messageType);
}
