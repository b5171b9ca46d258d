using Marketplace.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Data;

/// <summary>
/// Base of every service's DbContext: adds the outbox and inbox tables so events and processed
/// message ids are written in the same transaction as the state they belong to.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Queues an event for publication; it is stored by the next SaveChanges, atomically with the state change.</summary>
    public void AddEvent<T>(T message, DateTimeOffset now)
        where T : class =>
        OutboxMessages.Add(OutboxMessage.From(message, now));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
    }
}
