using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Data;

/// <summary>
/// What the outbox dispatcher, the idempotent consumers and the audit log need from a service's
/// DbContext. <see cref="ServiceDbContext"/> implements it; a context that must derive from another
/// base (such as ASP.NET Core Identity's <c>IdentityDbContext</c>) implements it directly and calls
/// <see cref="ServiceModel.AddServiceTables"/> in <c>OnModelCreating</c>.
/// </summary>
public interface IServiceDbContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<InboxMessage> InboxMessages { get; }

    DbSet<AuditEntry> AuditLog { get; }

    DbSet<RevokedToken> RevokedTokens { get; }
}

public static class ServiceModel
{
    /// <summary>The outbox, inbox, audit and token-revocation tables every service database has.</summary>
    public static ModelBuilder AddServiceTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        modelBuilder.ApplyConfiguration(new RevokedTokenConfiguration());
        return modelBuilder;
    }

    /// <summary>Queues an event for publication; it is stored by the next SaveChanges, atomically with the state change.</summary>
    public static void AddEvent<T>(this IServiceDbContext db, T message, DateTimeOffset now)
        where T : class =>
        db.OutboxMessages.Add(OutboxMessage.From(message, now));
}
