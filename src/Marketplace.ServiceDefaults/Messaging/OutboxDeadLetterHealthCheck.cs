using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>
/// Readiness reports set-aside outbox rows as Degraded, not Unhealthy: the service still serves
/// requests and its other events flow, so it must stay in the load balancer, but the report (and any
/// monitor watching it) shows that events are waiting for an operator.
/// </summary>
internal sealed class OutboxDeadLetterHealthCheck<TContext>(TContext db) : IHealthCheck
    where TContext : DbContext, IServiceDbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var count = await db.OutboxMessages.CountAsync(m => m.DeadLetteredAt != null, cancellationToken);
            var service = context.Registration.Name.Replace("-outbox", "", StringComparison.Ordinal);
            return count == 0
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus,
                    $"{count} outbox message(s) set aside after repeated failures; list them at GET /api/{service}/admin/outbox/dead-letters and re-queue them once fixed",
                    data: new Dictionary<string, object> { ["deadLetters"] = count });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database check beside this one reports the outage itself.
            return new HealthCheckResult(context.Registration.FailureStatus, "outbox unreadable");
        }
    }
}
