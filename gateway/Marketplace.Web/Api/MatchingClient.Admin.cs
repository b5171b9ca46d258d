namespace Marketplace.Web.Api;

/// <summary>The administrator's calls to matching: statistics and set-aside events.</summary>
public sealed partial class MatchingClient
{
    public Task<ApiResult<MatchingStatistics>> StatisticsAsync(CancellationToken ct) => GetAsync<MatchingStatistics>("api/matching/statistics", ct);

    public Task<ApiResult<Paged<DeadLetter>>> DeadLettersAsync(int page, CancellationToken ct) =>
        GetAsync<Paged<DeadLetter>>(Query("api/matching/admin/outbox/dead-letters", ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<DeadLetter>> RequeueAsync(Guid messageId, CancellationToken ct) =>
        SendAsync<DeadLetter>(HttpMethod.Post, $"api/matching/admin/outbox/{messageId}/requeue", null, ct);
}
