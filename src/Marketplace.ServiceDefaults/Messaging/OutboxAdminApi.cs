using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>An outbox row that failed <c>Outbox:MaxAttempts</c> times and waits for an operator. The body is not shown: it may carry personal data.</summary>
public sealed record OutboxDeadLetterResponse(
    Guid MessageId, long Sequence, string MessageType, DateTimeOffset CreatedAt, int Attempts, string? LastError, DateTimeOffset DeadLetteredAt)
{
    public static OutboxDeadLetterResponse From(OutboxMessage m) =>
        new(m.MessageId, m.Sequence, m.MessageType, m.CreatedAt, m.Attempts, m.LastError, m.DeadLetteredAt ?? m.CreatedAt);
}

/// <summary>
/// <c>/api/&lt;service&gt;/admin/outbox</c>: administrators list the service's set-aside events and
/// re-queue one once its cause is fixed (a deployment that knows its type, a corrected row).
/// </summary>
public static class OutboxAdminApi
{
    public static RouteGroupBuilder MapOutboxAdminApi<TContext>(this IEndpointRouteBuilder app, string service)
        where TContext : DbContext, IServiceDbContext =>
        app.MapOutboxAdminApi(service, typeof(TContext));

    private static RouteGroupBuilder MapOutboxAdminApi(this IEndpointRouteBuilder app, string service, Type contextType)
    {
        // Each service's module maps its own group over its own database (several share one process in standalone).
        var group = app.MapGroup($"/api/{service}/admin/outbox").WithTags("Outbox").WithGroupName(service);
        group.MapGet("/dead-letters", (HttpContext http, int? page, int? pageSize, CancellationToken ct) =>
                ListAsync(Outbox(http, contextType), page, pageSize, ct))
            .RequireAuthorization(Roles.Admin)
            .WithSummary("Events set aside after repeated publication failures, oldest first (administrators)");
        group.MapPost("/{messageId:guid}/requeue", (Guid messageId, HttpContext http, CancellationToken ct) =>
                RequeueAsync(messageId, Outbox(http, contextType), ct))
            .RequireAuthorization(Roles.Admin)
            .WithSummary("Give a set-aside event a fresh set of publication attempts, in its original place in the order (administrators)");
        return group;
    }

    private static DbContext Outbox(HttpContext http, Type contextType) => (DbContext)http.RequestServices.GetRequiredService(contextType);

    private static async Task<Results<Ok<PagedResult<OutboxDeadLetterResponse>>, ValidationProblem>> ListAsync(
        DbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var deadLetters = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.DeadLetteredAt != null);
        var total = await deadLetters.CountAsync(ct);
        var items = await deadLetters.OrderBy(m => m.Sequence).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<OutboxDeadLetterResponse>(items.Select(OutboxDeadLetterResponse.From).ToList(), p, size, total));
    }

    private static async Task<Results<Ok<OutboxDeadLetterResponse>, ProblemHttpResult>> RequeueAsync(
        Guid messageId, DbContext db, CancellationToken ct)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.MessageId == messageId, ct);
        if (message is null)
        {
            return ProblemResults.NotFound(OutboxTexts.NoSuchMessage.Format(messageId));
        }
        if (message.DeadLetteredAt is null)
        {
            var state = message.DispatchedAt is null ? OutboxTexts.Pending : OutboxTexts.Dispatched;
            return ProblemResults.Conflict("outbox-message-not-set-aside", new(
                OutboxTexts.NotDeadLettered.Format(messageId, state.En).En, OutboxTexts.NotDeadLettered.Format(messageId, state.Zh).Zh));
        }
        var response = OutboxDeadLetterResponse.From(message);
        message.Requeue();
        // Saved outside a transaction, so the signal interceptor wakes the dispatcher at once.
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(response);
    }
}
