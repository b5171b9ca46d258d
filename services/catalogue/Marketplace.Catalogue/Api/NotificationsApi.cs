using System.Security.Claims;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Api;

public sealed record NotificationResponse(
    Guid Id, string Kind, Guid? ScenarioId, Guid? SavedSearchId, string Title, string Body, string TitleEn, string TitleZh,
    string BodyEn, string BodyZh, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    /// <summary><paramref name="n"/> in the caller's language (Title, Body) and in both (the En/Zh fields).</summary>
    public static NotificationResponse From(Notification n) => new(
        n.Id, n.Kind.ToString(), n.ScenarioId, n.SavedSearchId, new LocalizedText(n.TitleEn, n.TitleZh).Current, new LocalizedText(n.BodyEn, n.BodyZh).Current,
        n.TitleEn, n.TitleZh, n.BodyEn, n.BodyZh, n.CreatedAt, n.ReadAt);
}

public sealed record NotificationInbox(IReadOnlyList<NotificationResponse> Items, int Page, int PageSize, int TotalCount, int UnreadCount);

/// <summary><c>/api/catalogue/notifications</c>: the caller's own inbox (read/unread).</summary>
public static class NotificationsApi
{
    public static readonly LocalizedText NotFound = new("You have no notification with this id.", "你沒有此編號的通知。");

    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue/notifications").WithTags("Notifications").WithGroupName(CatalogueModule.Name).RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("The caller's notifications, newest first, with the unread count (unreadOnly to filter)");
        group.MapPost("/{id:guid}/read", ReadAsync).WithSummary("Mark one of the caller's notifications as read");
        group.MapPost("/read-all", ReadAllAsync).WithSummary("Mark all of the caller's notifications as read");
        return group;
    }

    public static async Task<Results<Ok<NotificationInbox>, ValidationProblem>> ListAsync(
        bool? unreadOnly, int? page, int? pageSize, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var userId = user.UserId();
        var inbox = db.Notifications.AsNoTracking().Where(n => n.UserId == userId && !n.DigestPending);
        var unread = await inbox.CountAsync(n => n.ReadAt == null, ct);
        var listed = unreadOnly == true ? inbox.Where(n => n.ReadAt == null) : inbox;
        var total = await listed.CountAsync(ct);
        var items = await listed.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new NotificationInbox(items.Select(NotificationResponse.From).ToList(), p, size, total, unread));
    }

    public static async Task<Results<Ok<NotificationResponse>, ProblemHttpResult>> ReadAsync(
        Guid id, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var userId = user.UserId();
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId && !n.DigestPending, ct);
        if (notification is null)
        {
            return ProblemResults.NotFound(NotFound);
        }
        notification.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(NotificationResponse.From(notification));
    }

    public static async Task<NoContent> ReadAllAsync(ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var userId = user.UserId();
        var now = time.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && !n.DigestPending && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return TypedResults.NoContent();
    }
}
