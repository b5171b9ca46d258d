using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>
/// The batched form of <see cref="IdempotentConsumer{TMessage, TContext}"/> for events that arrive in
/// bursts: the messages of one MassTransit batch are de-duplicated against the inbox in one query and
/// applied with their inbox rows in one transaction, so a burst costs a few round trips per batch
/// instead of per message (and one SQLite write lock per batch). When the batch's transaction fails,
/// each message is applied again in a transaction of its own, so one bad message cannot hold back the
/// others; if any still fails, the batch faults and MassTransit retries it, then moves it to the error
/// queue (its applied messages are skipped by the inbox when it is replayed). See docs/decisions/0013.
/// </summary>
public abstract partial class IdempotentBatchConsumer<TMessage, TContext>(TContext db, TimeProvider time, ILogger logger) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TContext : DbContext, IServiceDbContext
{
    protected TContext Db { get; } = db;

    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    /// <summary>The inbox key's consumer name; the same as the unbatched consumer's, so inbox rows stay valid.</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var messages = context.Message
            .Select(m => (Id: m.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id and cannot be de-duplicated."), m.Message))
            .DistinctBy(m => m.Id)
            .ToList();
        using var cause = AuditCause.Begin($"{ServiceName} service, on {typeof(TMessage).Name}");
        try
        {
            var applied = await ApplyAsync(messages, context.CancellationToken);
            LogAppliedBatch(Logger, applied, messages.Count, typeof(TMessage).Name, ConsumerName);
            return;
        }
        catch (Exception ex) when (!context.CancellationToken.IsCancellationRequested && messages.Count > 1)
        {
            Db.ChangeTracker.Clear();
            LogBatchFailed(Logger, ex, messages.Count, typeof(TMessage).Name, ConsumerName);
        }

        // One by one: the good messages commit, the failing ones fault the batch (and are retried with it).
        var failures = new List<Exception>();
        foreach (var message in messages)
        {
            try
            {
                await ApplyAsync([message], context.CancellationToken);
            }
            catch (Exception ex) when (!context.CancellationToken.IsCancellationRequested)
            {
                Db.ChangeTracker.Clear();
                LogMessageFailed(Logger, ex, typeof(TMessage).Name, message.Id, ConsumerName);
                failures.Add(ex);
            }
        }
        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} of {messages.Count} {typeof(TMessage).Name} messages failed in {ConsumerName}.", failures);
        }
    }

    /// <summary>Applies the messages the inbox does not hold yet; their inbox rows are saved in the same transaction.</summary>
    protected abstract Task HandleAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken);

    private async Task<int> ApplyAsync(IReadOnlyList<(Guid Id, TMessage Message)> messages, CancellationToken ct)
    {
        try
        {
            return await Db.Database.CreateExecutionStrategy().ExecuteAsync(async cancellationToken =>
            {
                Db.ChangeTracker.Clear();
                await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
                var ids = messages.Select(m => m.Id).ToList();
                var seen = await Db.InboxMessages.Where(m => m.Consumer == ConsumerName && ids.Contains(m.MessageId))
                    .Select(m => m.MessageId).ToListAsync(cancellationToken);
                var fresh = messages.Where(m => !seen.Contains(m.Id)).ToList();
                if (fresh.Count == 0)
                {
                    return 0;
                }
                await HandleAsync([.. fresh.Select(m => m.Message)], cancellationToken);
                var now = Time.GetUtcNow();
                Db.InboxMessages.AddRange(fresh.Select(m => new InboxMessage(m.Id, ConsumerName, now)));
                await Db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return fresh.Count;
            }, ct);
        }
        catch
        {
            Db.ChangeTracker.Clear();
            throw;
        }
    }

    private static string ServiceName => typeof(TContext).Name.Replace("ServiceDbContext", "", StringComparison.Ordinal)
        .Replace("DbContext", "", StringComparison.Ordinal).ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Applied} of {Count} {MessageType} messages in {Consumer} (the others were already applied)")]
    private static partial void LogAppliedBatch(ILogger logger, int applied, int count, string messageType, string consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} {MessageType} messages failed in {Consumer}; applying them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count, string messageType, string consumer);

    [LoggerMessage(Level = LogLevel.Error, Message = "{MessageType} {MessageId} failed in {Consumer}; its batch is retried, then goes to the error queue")]
    private static partial void LogMessageFailed(ILogger logger, Exception exception, string messageType, Guid messageId, string consumer);
}
