using System.Security.Claims;
using Marketplace.Matching.Data;
using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Api;

public sealed record VendorNotificationResponse(
    Guid Id, string Kind, Guid ScenarioId, Guid? ProposalId, string Title, string Body, string TitleEn, string TitleZh, string BodyEn, string BodyZh,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    /// <summary><paramref name="n"/> in the caller's language (Title, Body) and in both (the En/Zh fields).</summary>
    public static VendorNotificationResponse From(VendorNotification n) => new(
        n.Id, n.Kind.ToString(), n.ScenarioId, n.ProposalId, new LocalizedText(n.TitleEn, n.TitleZh).Current, new LocalizedText(n.BodyEn, n.BodyZh).Current,
        n.TitleEn, n.TitleZh, n.BodyEn, n.BodyZh, n.CreatedAt, n.ReadAt);
}

public sealed record VendorNotificationInbox(IReadOnlyList<VendorNotificationResponse> Items, int Page, int PageSize, int TotalCount, int UnreadCount);

/// <summary>
/// <c>/api/matching/notifications</c>: the inbox of the caller's vendor organisation — strong matches,
/// amendments that need reconfirmation, award outcomes. Vendors only; never another organisation's.
/// </summary>
public static class VendorNotificationsApi
{
    public static readonly LocalizedText NotFound = new("Your organisation has no notification with this id.", "你的機構沒有此編號的通知。");

    private static readonly string[] s_kinds = Enum.GetNames<VendorNotificationKind>();

    public static RouteGroupBuilder MapVendorNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/matching/notifications").WithTags("Vendor notifications").WithGroupName(MatchingModule.Name)
            .RequireAuthorization(Roles.Vendor);
        group.MapGet("/", ListAsync)
            .WithSummary("The caller's vendor organisation's notifications, newest first, with the unread count (unreadOnly, kind to filter)");
        group.MapPost("/{id:guid}/read", ReadAsync).WithSummary("Mark one of the organisation's notifications as read");
        group.MapPost("/read-all", ReadAllAsync).WithSummary("Mark all of the organisation's notifications as read");
        return group;
    }

    public static async Task<Results<Ok<VendorNotificationInbox>, ValidationProblem>> ListAsync(
        bool? unreadOnly, string? kind, int? page, int? pageSize, ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (kind is not null)
        {
            errors.OneOf("kind", kind, s_kinds);
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var vendor = user.OrganisationId();
        var inbox = db.VendorNotifications.AsNoTracking().Where(n => n.VendorId == vendor);
        var unread = await inbox.CountAsync(n => n.ReadAt == null, ct);
        var listed = unreadOnly == true ? inbox.Where(n => n.ReadAt == null) : inbox;
        if (kind is not null)
        {
            var k = Enum.Parse<VendorNotificationKind>(kind);
            listed = listed.Where(n => n.Kind == k);
        }
        var total = await listed.CountAsync(ct);
        var items = await listed.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new VendorNotificationInbox(items.Select(VendorNotificationResponse.From).ToList(), p, size, total, unread));
    }

    public static async Task<Results<Ok<VendorNotificationResponse>, ProblemHttpResult>> ReadAsync(
        Guid id, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var vendor = user.OrganisationId();
        var notification = await db.VendorNotifications.FirstOrDefaultAsync(n => n.Id == id && n.VendorId == vendor, ct);
        if (notification is null)
        {
            return ProblemResults.NotFound(NotFound);
        }
        notification.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(VendorNotificationResponse.From(notification));
    }

    public static async Task<NoContent> ReadAllAsync(ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var vendor = user.OrganisationId();
        var now = time.GetUtcNow();
        await db.VendorNotifications.Where(n => n.VendorId == vendor && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return TypedResults.NoContent();
    }
}
