using Marketplace.ServiceDefaults.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>
/// Base for every consumer: the handler's changes, the events it queues and the inbox record of the
/// message id are saved in one transaction, so a redelivered message is recognised and skipped.
/// Handlers change state through the DbContext only; they never publish directly (use AddEvent).
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db, TimeProvider time) : IConsumer<TMessage>
    where TMessage : class
    where TContext : ServiceDbContext
{
    protected TContext Db { get; } = db;

    protected TimeProvider Time { get; } = time;

    /// <summary>Stable across deployments: the inbox key is (message id, consumer name).</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id and cannot be de-duplicated.");

        try
        {
            await using var transaction = await Db.Database.BeginTransactionAsync(context.CancellationToken);
            var seen = await Db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == ConsumerName, context.CancellationToken);
            if (seen)
            {
                return;
            }

            await HandleAsync(context.Message, context);
            Db.InboxMessages.Add(new InboxMessage(messageId, ConsumerName, Time.GetUtcNow()));
            await Db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        catch
        {
            // A retry may reuse this scope: start it from the database's state, not from half-applied changes.
            Db.ChangeTracker.Clear();
            throw;
        }
    }

    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}
