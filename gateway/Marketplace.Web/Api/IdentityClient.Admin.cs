namespace Marketplace.Web.Api;

/// <summary>The administrator's calls to identity: organisations and their decisions, members, unlocking accounts, set-aside events.</summary>
public sealed partial class IdentityClient
{
    public Task<ApiResult<Paged<Organisation>>> OrganisationsAsync(string? status, string? type, string? search, int page, CancellationToken ct) =>
        GetAsync<Paged<Organisation>>(Query("api/identity/organisations", ("status", status), ("type", type), ("search", search), ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<Organisation>> ApproveAsync(Guid id, CancellationToken ct) =>
        SendAsync<Organisation>(HttpMethod.Post, $"api/identity/organisations/{id}/approve", null, ct);

    public Task<ApiResult<Organisation>> RejectAsync(Guid id, string? reason, CancellationToken ct) =>
        SendAsync<Organisation>(HttpMethod.Post, $"api/identity/organisations/{id}/reject", new { reason }, ct);

    public Task<ApiResult<Organisation>> SuspendAsync(Guid id, string? reason, CancellationToken ct) =>
        SendAsync<Organisation>(HttpMethod.Post, $"api/identity/organisations/{id}/suspend", new { reason }, ct);

    public Task<ApiResult<Organisation>> ReinstateAsync(Guid id, CancellationToken ct) =>
        SendAsync<Organisation>(HttpMethod.Post, $"api/identity/organisations/{id}/reinstate", null, ct);

    public Task<ApiResult<object>> UnlockAsync(Guid userId, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"api/identity/users/{userId}/unlock", null, ct);

    public Task<ApiResult<Paged<DeadLetter>>> DeadLettersAsync(int page, CancellationToken ct) =>
        GetAsync<Paged<DeadLetter>>(Query("api/identity/admin/outbox/dead-letters", ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<DeadLetter>> RequeueAsync(Guid messageId, CancellationToken ct) =>
        SendAsync<DeadLetter>(HttpMethod.Post, $"api/identity/admin/outbox/{messageId}/requeue", null, ct);
}
