using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>
/// How a dispatcher takes the rows it publishes when several replicas share one database (ADR 0026):
/// the due rows are locked in the caller's transaction with <c>FOR UPDATE SKIP LOCKED</c> (SQL Server:
/// <c>UPDLOCK, READPAST</c>), so two replicas never hold the same row. A replica publishes only the
/// unbroken run of its rows from the oldest pending one: when another holds that row, it leaves the
/// work to it, so one replica publishes at a time and the order of the rows is kept. SQLite is one process (the standalone host): nothing to claim.
/// </summary>
internal static class OutboxClaim
{
    public static bool NeedsClaim(DbContext db) => db.Database.IsNpgsql() || db.Database.IsSqlServer();

    public static IQueryable<OutboxMessage> PendingInOrder<TContext>(TContext db)
        where TContext : DbContext, IServiceDbContext =>
        db.OutboxMessages.Where(m => m.DispatchedAt == null && m.DeadLetteredAt == null).OrderBy(m => m.Sequence);

    /// <summary>The claimed batch in order, or null when another replica holds the head of the queue (or nothing is pending).</summary>
    public static async Task<List<OutboxMessage>?> ClaimAsync<TContext>(TContext db, int batchSize, CancellationToken cancellationToken)
        where TContext : DbContext, IServiceDbContext
    {
        var claimed = await (db.Database.IsNpgsql()
                ? db.OutboxMessages.FromSqlInterpolated($"""
                    SELECT * FROM outbox_messages
                    WHERE "DispatchedAt" IS NULL AND "DeadLetteredAt" IS NULL
                    ORDER BY "Sequence" LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                : db.OutboxMessages.FromSqlInterpolated($"""
                    SELECT TOP ({batchSize}) * FROM outbox_messages WITH (UPDLOCK, ROWLOCK, READPAST)
                    WHERE DispatchedAt IS NULL AND DeadLetteredAt IS NULL
                    ORDER BY Sequence
                    """))
            .AsTracking()
            .ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return null;
        }
        claimed.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        // Two replicas scanning at the same moment may interleave their locks (one takes 1, 3, 5, the
        // other 2, 4, 6). Only the unbroken run from the oldest pending row is published; a plain read
        // does not wait for locks, so a pending row this replica did not get is someone else's.
        var last = claimed[^1].Sequence;
        var pending = await PendingInOrder(db).Where(m => m.Sequence <= last).Select(m => m.Sequence).ToListAsync(cancellationToken);
        var run = claimed.Zip(pending).TakeWhile(p => p.First.Sequence == p.Second).Select(p => p.First).ToList();
        return run.Count == 0 ? null : run;
    }
}
