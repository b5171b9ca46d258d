namespace Marketplace.Web.Api;

/// <summary>The department officer's catalogue calls: a published scenario's later life, answers, history, success cases and their interest.</summary>
public sealed partial class CatalogueClient
{
    public Task<ApiResult<Scenario>> AmendAsync(Guid id, AmendBody body, CancellationToken ct) =>
        SendAsync<Scenario>(HttpMethod.Post, $"api/catalogue/scenarios/{id}/amend", body, ct);

    public Task<ApiResult<Scenario>> CancelAsync(Guid id, string? reason, CancellationToken ct) =>
        SendAsync<Scenario>(HttpMethod.Post, $"api/catalogue/scenarios/{id}/cancel", new ReasonBody(reason), ct);

    public Task<ApiResult<Scenario>> MarkUnsuccessfulAsync(Guid id, string? reason, CancellationToken ct) =>
        SendAsync<Scenario>(HttpMethod.Post, $"api/catalogue/scenarios/{id}/unsuccessful", new ReasonBody(reason), ct);

    public Task<ApiResult<Scenario>> StartDeliveryAsync(Guid id, CancellationToken ct) =>
        SendAsync<Scenario>(HttpMethod.Post, $"api/catalogue/scenarios/{id}/start-delivery", new { }, ct);

    public Task<ApiResult<Paged<AuditEntry>>> HistoryAsync(Guid id, int page, CancellationToken ct) =>
        GetAsync<Paged<AuditEntry>>(Query($"api/catalogue/scenarios/{id}/history", ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<Clarification>> AnswerAsync(Guid scenarioId, Guid clarificationId, string? answerEn, string? answerZh, CancellationToken ct) =>
        SendAsync<Clarification>(HttpMethod.Post, $"api/catalogue/scenarios/{scenarioId}/clarifications/{clarificationId}/answer",
            new AnswerBody(answerEn, answerZh), ct);

    public Task<ApiResult<Paged<OwnSuccessCase>>> OwnSuccessCasesAsync(int page, CancellationToken ct) =>
        GetAsync<Paged<OwnSuccessCase>>(Query("api/catalogue/success-cases", ("mine", "true"), ("page", page), ("pageSize", 10)), ct);

    public Task<ApiResult<OwnSuccessCase>> DraftSuccessCaseAsync(SuccessCaseBody body, CancellationToken ct) =>
        SendAsync<OwnSuccessCase>(HttpMethod.Post, "api/catalogue/success-cases", body, ct);

    public Task<ApiResult<OwnSuccessCase>> ApproveSuccessCaseAsync(Guid id, CancellationToken ct) =>
        SendAsync<OwnSuccessCase>(HttpMethod.Post, $"api/catalogue/success-cases/{id}/approve", new { }, ct);
}
