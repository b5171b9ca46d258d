using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>
/// Base for every consumer: the handler's changes, the events it queues and the inbox record of the
/// message id are saved in one transaction, so a redelivered message is recognised and skipped.
/// Handlers change state through the DbContext only; they never publish directly (use AddEvent).
/// </summary>
public abstract partial class IdempotentConsumer<TMessage, TContext>(TContext db, TimeProvider time, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext, IServiceDbContext
{
    protected TContext Db { get; } = db;

    protected TimeProvider Time { get; } = time;

    /// <summary>For handlers to say why they skip a stale event or refuse one (the refusal then goes to the error queue).</summary>
    protected ILogger Logger { get; } = logger;

    /// <summary>Stable across deployments: the inbox key is (message id, consumer name).</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id and cannot be de-duplicated.");

        // The provider's execution strategy (PostgreSQL retries transient faults) must own the
        // transaction, so that a retried attempt replays the whole unit, inbox check included.
        var applied = false;
        using var cause = AuditCause.Begin($"{ServiceName} service, on {typeof(TMessage).Name}");
        try
        {
            await Db.Database.CreateExecutionStrategy().ExecuteAsync(async cancellationToken =>
            {
                Db.ChangeTracker.Clear();
                await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
                if (await Db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == ConsumerName, cancellationToken))
                {
                    applied = false;
                    return;
                }
                await HandleAsync(context.Message, context);
                Db.InboxMessages.Add(new InboxMessage(messageId, ConsumerName, Time.GetUtcNow()));
                await Db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                applied = true;
            }, context.CancellationToken);
        }
        catch
        {
            // A MassTransit retry may reuse this scope: start it from the database's state, not from half-applied changes.
            Db.ChangeTracker.Clear();
            throw;
        }

        if (applied)
        {
            LogApplied(Logger, typeof(TMessage).Name, messageId, ConsumerName);
        }
        else
        {
            LogDuplicate(Logger, typeof(TMessage).Name, messageId, ConsumerName);
        }
    }

    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);

    /// <summary>The service the consumer belongs to, from its DbContext's name (CatalogueDbContext: catalogue).</summary>
    private static string ServiceName => typeof(TContext).Name.Replace("ServiceDbContext", "", StringComparison.Ordinal)
        .Replace("DbContext", "", StringComparison.Ordinal).ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {MessageType} {MessageId} in {Consumer}")]
    private static partial void LogApplied(ILogger logger, string messageType, Guid messageId, string consumer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {MessageType} {MessageId} in {Consumer}: already applied")]
    private static partial void LogDuplicate(ILogger logger, string messageType, Guid messageId, string consumer);
}
