namespace Marketplace.Web.Api;

// The vendor's and the chamber member's pages: questions, saved searches and mutes, the personal inbox,
// the vendor's own showcase, a success case and replication interest.
public sealed partial class CatalogueClient
{
    public Task<ApiResult<Clarification>> AskAsync(Guid scenarioId, string? question, CancellationToken ct) =>
        SendAsync<Clarification>(HttpMethod.Post, $"api/catalogue/scenarios/{scenarioId}/clarifications", new { question }, ct);

    public Task<ApiResult<List<SavedSearch>>> SavedSearchesAsync(CancellationToken ct) => GetAsync<List<SavedSearch>>("api/catalogue/saved-searches", ct);

    public Task<ApiResult<SavedSearch>> CreateSavedSearchAsync(SavedSearchBody body, CancellationToken ct) =>
        SendAsync<SavedSearch>(HttpMethod.Post, "api/catalogue/saved-searches", body, ct);

    public Task<ApiResult<SavedSearch>> EditSavedSearchAsync(Guid id, SavedSearchBody body, CancellationToken ct) =>
        SendAsync<SavedSearch>(HttpMethod.Put, $"api/catalogue/saved-searches/{id}", body, ct);

    public Task<ApiResult<object>> DeleteSavedSearchAsync(Guid id, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Delete, $"api/catalogue/saved-searches/{id}", null, ct);

    public Task<ApiResult<object>> MuteAsync(Guid scenarioId, bool mute, CancellationToken ct) =>
        SendAsync<object>(mute ? HttpMethod.Post : HttpMethod.Delete, $"api/catalogue/scenarios/{scenarioId}/mute", null, ct);

    public Task<ApiResult<MuteState>> MuteStateAsync(Guid scenarioId, CancellationToken ct) =>
        GetAsync<MuteState>($"api/catalogue/scenarios/{scenarioId}/mute", ct);

    public Task<ApiResult<Inbox>> PersonalInboxAsync(bool unreadOnly, int page, int pageSize, CancellationToken ct) =>
        GetAsync<Inbox>(Query("api/catalogue/notifications", ("unreadOnly", unreadOnly ? "true" : null), ("page", page), ("pageSize", pageSize)), ct);

    public Task<ApiResult<object>> ReadNotificationAsync(Guid id, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"api/catalogue/notifications/{id}/read", null, ct);

    public Task<ApiResult<object>> ReadAllNotificationsAsync(CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, "api/catalogue/notifications/read-all", null, ct);

    public Task<ApiResult<Paged<SolutionDetail>>> MySolutionsAsync(int page, CancellationToken ct) =>
        GetAsync<Paged<SolutionDetail>>(Query("api/catalogue/solutions", ("mine", "true"), ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<SolutionDetail>> SolutionAsync(Guid id, CancellationToken ct) => GetAsync<SolutionDetail>($"api/catalogue/solutions/{id}", ct);

    public Task<ApiResult<SolutionDetail>> CreateSolutionAsync(SolutionBody body, CancellationToken ct) =>
        SendAsync<SolutionDetail>(HttpMethod.Post, "api/catalogue/solutions", body, ct);

    public Task<ApiResult<SolutionDetail>> EditSolutionAsync(Guid id, SolutionBody body, CancellationToken ct) =>
        SendAsync<SolutionDetail>(HttpMethod.Put, $"api/catalogue/solutions/{id}", body, ct);

    public Task<ApiResult<SolutionDetail>> PublishSolutionAsync(Guid id, bool publish, CancellationToken ct) =>
        SendAsync<SolutionDetail>(HttpMethod.Post, $"api/catalogue/solutions/{id}/{(publish ? "publish" : "withdraw")}", null, ct);

    public Task<ApiResult<SuccessCase>> SuccessCaseAsync(Guid id, CancellationToken ct) => GetAsync<SuccessCase>($"api/catalogue/success-cases/{id}", ct);

    public Task<ApiResult<Interest>> RegisterInterestAsync(Guid successCaseId, InterestBody body, CancellationToken ct) =>
        SendAsync<Interest>(HttpMethod.Post, $"api/catalogue/success-cases/{successCaseId}/interests", body, ct);

    /// <summary>The replication interest in a case: all of it for the department's officers, a chamber member's own organisation's for a chamber member.</summary>
    public Task<ApiResult<List<Interest>>> InterestsAsync(Guid successCaseId, CancellationToken ct) =>
        GetAsync<List<Interest>>($"api/catalogue/success-cases/{successCaseId}/interests", ct);
}
