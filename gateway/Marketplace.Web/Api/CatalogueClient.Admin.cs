namespace Marketplace.Web.Api;

/// <summary>The administrator's calls to the catalogue: approving submissions, batches, statistics, set-aside events.</summary>
public sealed partial class CatalogueClient
{
    public Task<ApiResult<SubmissionPage>> SubmissionsAsync(int page, CancellationToken ct) =>
        GetAsync<SubmissionPage>(Query("api/catalogue/scenarios", ("status", "Submitted"), ("sort", "published"), ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<Submission>> SubmissionAsync(Guid id, CancellationToken ct) => GetAsync<Submission>($"api/catalogue/scenarios/{id}", ct);

    public Task<ApiResult<Submission>> ApproveScenarioAsync(Guid id, CancellationToken ct) =>
        SendAsync<Submission>(HttpMethod.Post, $"api/catalogue/scenarios/{id}/approve", null, ct);

    public Task<ApiResult<Submission>> ReturnScenarioAsync(Guid id, string? reason, CancellationToken ct) =>
        SendAsync<Submission>(HttpMethod.Post, $"api/catalogue/scenarios/{id}/return", new { reason }, ct);

    public Task<ApiResult<BatchDetail>> BatchAsync(Guid id, CancellationToken ct) => GetAsync<BatchDetail>($"api/catalogue/batches/{id}", ct);

    public Task<ApiResult<Batch>> CreateBatchAsync(BatchBody body, CancellationToken ct) => SendAsync<Batch>(HttpMethod.Post, "api/catalogue/batches", body, ct);

    public Task<ApiResult<Batch>> EditBatchAsync(Guid id, BatchBody body, CancellationToken ct) =>
        SendAsync<Batch>(HttpMethod.Put, $"api/catalogue/batches/{id}", body, ct);

    public Task<ApiResult<Batch>> PublishBatchAsync(Guid id, CancellationToken ct) =>
        SendAsync<Batch>(HttpMethod.Post, $"api/catalogue/batches/{id}/publish", null, ct);

    public Task<ApiResult<CatalogueStatistics>> StatisticsAsync(CancellationToken ct) => GetAsync<CatalogueStatistics>("api/catalogue/statistics", ct);

    public Task<ApiResult<Paged<DeadLetter>>> DeadLettersAsync(int page, CancellationToken ct) =>
        GetAsync<Paged<DeadLetter>>(Query("api/catalogue/admin/outbox/dead-letters", ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<DeadLetter>> RequeueAsync(Guid messageId, CancellationToken ct) =>
        SendAsync<DeadLetter>(HttpMethod.Post, $"api/catalogue/admin/outbox/{messageId}/requeue", null, ct);
}
