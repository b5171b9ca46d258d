namespace Marketplace.Web.Api;

/// <summary>The administrator's calls to funding: set-aside events.</summary>
public sealed partial class FundingClient
{
    public Task<ApiResult<Paged<DeadLetter>>> DeadLettersAsync(int page, CancellationToken ct) =>
        GetAsync<Paged<DeadLetter>>(Query("api/funding/admin/outbox/dead-letters", ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<DeadLetter>> RequeueAsync(Guid messageId, CancellationToken ct) =>
        SendAsync<DeadLetter>(HttpMethod.Post, $"api/funding/admin/outbox/{messageId}/requeue", null, ct);
}
