using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Data;

/// <summary>
/// Base of every service's DbContext: adds the outbox, inbox and audit tables so events, processed
/// message ids and the audit trail are written in the same transaction as the state they belong to.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    /// <summary>Queues an event for publication; it is stored by the next SaveChanges, atomically with the state change.</summary>
    public void AddEvent<T>(T message, DateTimeOffset now)
        where T : class =>
        OutboxMessages.Add(OutboxMessage.From(message, now));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.Entity<AuditEntry>(a =>
        {
            a.ToTable("audit_log");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedOnAdd();
            a.Property(x => x.UserId).HasMaxLength(200);
            a.Property(x => x.UserName).HasMaxLength(200);
            a.Property(x => x.EntityType).HasMaxLength(100);
            a.Property(x => x.EntityId).HasMaxLength(100);
            a.Property(x => x.Action).HasMaxLength(20);
            a.Property(x => x.CorrelationId).HasMaxLength(64);
            a.HasIndex(x => new { x.EntityType, x.EntityId, x.At });
        });
    }
}
