namespace Marketplace.Web.Api;

// The vendor's pages: proposals with receipts and feedback, recommended scenarios, the organisation's inbox.
public sealed partial class MatchingClient
{
    public Task<ApiResult<List<Proposal>>> MyProposalsAsync(CancellationToken ct) => GetAsync<List<Proposal>>("api/matching/proposals/mine", ct);

    public Task<ApiResult<Proposal>> ProposalAsync(Guid id, CancellationToken ct) => GetAsync<Proposal>($"api/matching/proposals/{id}", ct);

    public Task<ApiResult<Proposal>> DraftProposalAsync(Guid scenarioId, ProposalBody body, CancellationToken ct) =>
        SendAsync<Proposal>(HttpMethod.Post, $"api/matching/scenarios/{scenarioId}/proposals", body, ct);

    public Task<ApiResult<Proposal>> EditProposalAsync(Guid id, ProposalBody body, CancellationToken ct) =>
        SendAsync<Proposal>(HttpMethod.Put, $"api/matching/proposals/{id}", body, ct);

    public Task<ApiResult<Receipt>> SubmitProposalAsync(Guid id, CancellationToken ct) =>
        SendAsync<Receipt>(HttpMethod.Post, $"api/matching/proposals/{id}/submit", null, ct);

    public Task<ApiResult<Proposal>> WithdrawProposalAsync(Guid id, CancellationToken ct) =>
        SendAsync<Proposal>(HttpMethod.Post, $"api/matching/proposals/{id}/withdraw", null, ct);

    public Task<ApiResult<Proposal>> ReconfirmProposalAsync(Guid id, CancellationToken ct) =>
        SendAsync<Proposal>(HttpMethod.Post, $"api/matching/proposals/{id}/reconfirm", null, ct);

    public Task<ApiResult<Feedback>> FeedbackAsync(Guid id, CancellationToken ct) => GetAsync<Feedback>($"api/matching/proposals/{id}/feedback", ct);

    public Task<ApiResult<List<RecommendedScenario>>> RecommendedScenariosAsync(int top, CancellationToken ct) =>
        GetAsync<List<RecommendedScenario>>(Query("api/matching/recommended-scenarios", ("top", top)), ct);

    public Task<ApiResult<Inbox>> VendorInboxAsync(bool unreadOnly, int page, int pageSize, CancellationToken ct) =>
        GetAsync<Inbox>(Query("api/matching/notifications", ("unreadOnly", unreadOnly ? "true" : null), ("page", page), ("pageSize", pageSize)), ct);

    public Task<ApiResult<object>> ReadVendorNotificationAsync(Guid id, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"api/matching/notifications/{id}/read", null, ct);

    public Task<ApiResult<object>> ReadAllVendorNotificationsAsync(CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, "api/matching/notifications/read-all", null, ct);
}
