namespace Marketplace.Web.Api;

/// <summary>The calls behind the funding pages: schemes, applications, assessment, decisions, milestones.</summary>
public sealed partial class FundingClient
{
    public Task<ApiResult<Paged<FundingScheme>>> SchemesAsync(bool mine, int page, CancellationToken ct) =>
        GetAsync<Paged<FundingScheme>>(Query("api/funding/schemes", ("mine", mine ? "true" : null), ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<FundingScheme>> SchemeAsync(Guid id, CancellationToken ct) => GetAsync<FundingScheme>($"api/funding/schemes/{id}", ct);

    public Task<ApiResult<Paged<FundingApplicationRow>>> ApplicationsAsync(string? status, Guid? schemeId, int page, CancellationToken ct) =>
        GetAsync<Paged<FundingApplicationRow>>(Query("api/funding/applications", ("status", status), ("schemeId", schemeId), ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<FundingApplication>> ApplicationAsync(Guid id, CancellationToken ct) => GetAsync<FundingApplication>($"api/funding/applications/{id}", ct);

    public Task<ApiResult<FundingApplication>> OpenApplicationAsync(NewApplicationBody body, CancellationToken ct) =>
        SendAsync<FundingApplication>(HttpMethod.Post, "api/funding/applications", body, ct);

    public Task<ApiResult<FundingApplication>> CompleteAsync(Guid id, CompleteApplicationBody body, CancellationToken ct) =>
        SendAsync<FundingApplication>(HttpMethod.Put, $"api/funding/applications/{id}", body, ct);

    public Task<ApiResult<FundingApplication>> SubmitAsync(Guid id, CancellationToken ct) =>
        SendAsync<FundingApplication>(HttpMethod.Post, $"api/funding/applications/{id}/submit", null, ct);

    public Task<ApiResult<List<AssessorCandidate>>> AssessorsAsync(CancellationToken ct) => GetAsync<List<AssessorCandidate>>("api/funding/assessors", ct);

    public Task<ApiResult<List<AssessorAssignment>>> AssignAssessorsAsync(Guid id, IReadOnlyList<string> assessors, CancellationToken ct) =>
        SendAsync<List<AssessorAssignment>>(HttpMethod.Post, $"api/funding/applications/{id}/assessors", new { assessors }, ct);

    public Task<ApiResult<Paged<Assignment>>> AssignmentsAsync(int page, CancellationToken ct) =>
        GetAsync<Paged<Assignment>>(Query("api/funding/assignments", ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<object>> AnswerAssignmentAsync(Guid id, AssignmentAnswerBody body, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"api/funding/applications/{id}/assignment", body, ct);

    public Task<ApiResult<object>> ScoreAsync(Guid id, FundingScoreBody body, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"api/funding/applications/{id}/scores", body, ct);

    public Task<ApiResult<Scoring>> ScoringAsync(Guid id, CancellationToken ct) => GetAsync<Scoring>($"api/funding/applications/{id}/scoring", ct);

    public Task<ApiResult<FundingApplication>> DecideAsync(Guid id, DecisionBody body, CancellationToken ct) =>
        SendAsync<FundingApplication>(HttpMethod.Post, $"api/funding/applications/{id}/decision", body, ct);

    public Task<ApiResult<FundingFeedback>> FeedbackAsync(Guid id, CancellationToken ct) => GetAsync<FundingFeedback>($"api/funding/applications/{id}/feedback", ct);

    public Task<ApiResult<List<FundingHistoryEntry>>> HistoryAsync(Guid id, CancellationToken ct) =>
        GetAsync<List<FundingHistoryEntry>>($"api/funding/applications/{id}/history", ct);

    public Task<ApiResult<FundingApplication>> PlanMilestonesAsync(Guid id, IReadOnlyList<MilestonePlanBody> milestones, CancellationToken ct) =>
        SendAsync<FundingApplication>(HttpMethod.Put, $"api/funding/applications/{id}/milestones", new { milestones }, ct);

    public Task<ApiResult<FundingApplication>> ReportMilestoneAsync(Guid id, Guid milestoneId, ProgressReportBody body, CancellationToken ct) =>
        SendAsync<FundingApplication>(HttpMethod.Post, $"api/funding/applications/{id}/milestones/{milestoneId}/report", body, ct);

    public Task<ApiResult<FundingApplication>> AcceptMilestoneAsync(Guid id, Guid milestoneId, string? comment, CancellationToken ct) =>
        SendAsync<FundingApplication>(HttpMethod.Post, $"api/funding/applications/{id}/milestones/{milestoneId}/accept", new MilestoneDecisionBody(comment), ct);

    public Task<ApiResult<FundingApplication>> ReturnMilestoneAsync(Guid id, Guid milestoneId, string? comment, CancellationToken ct) =>
        SendAsync<FundingApplication>(HttpMethod.Post, $"api/funding/applications/{id}/milestones/{milestoneId}/return", new MilestoneDecisionBody(comment), ct);
}
