namespace Marketplace.Web.Api;

/// <summary>The department officer's matching calls: the evaluation workspace, opened proposals, integrity incidents, recommended vendors.</summary>
public sealed partial class MatchingClient
{
    public Task<ApiResult<EvaluationView>> EvaluationAsync(Guid scenarioId, CancellationToken ct) =>
        GetAsync<EvaluationView>($"api/matching/scenarios/{scenarioId}/evaluation", ct);

    public Task<ApiResult<EvaluationView>> ConfigureEvaluationAsync(Guid scenarioId, EvaluationBody body, CancellationToken ct) =>
        SendAsync<EvaluationView>(HttpMethod.Put, $"api/matching/scenarios/{scenarioId}/evaluation", body, ct);

    public Task<ApiResult<List<OpenedProposal>>> OpenedProposalsAsync(Guid scenarioId, CancellationToken ct) =>
        GetAsync<List<OpenedProposal>>($"api/matching/scenarios/{scenarioId}/proposals", ct);

    public Task<ApiResult<object>> DeclareAsync(Guid proposalId, bool? conflict, string? note, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"api/matching/proposals/{proposalId}/declaration", new DeclarationBody(conflict, note), ct);

    public Task<ApiResult<object>> ScoreAsync(Guid proposalId, ScoreBody body, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"api/matching/proposals/{proposalId}/scores", body, ct);

    public Task<ApiResult<EvaluationView>> AwardAsync(Guid scenarioId, Guid? proposalId, string? justification, CancellationToken ct) =>
        SendAsync<EvaluationView>(HttpMethod.Post, $"api/matching/scenarios/{scenarioId}/award", new AwardBody(proposalId, justification), ct);

    public Task<ApiResult<EvaluationView>> CancelAwardAsync(Guid scenarioId, string? reason, CancellationToken ct) =>
        SendAsync<EvaluationView>(HttpMethod.Post, $"api/matching/scenarios/{scenarioId}/award/cancel", new ReasonBody(reason), ct);

    public Task<ApiResult<List<IntegrityIncident>>> IntegrityIncidentsAsync(Guid scenarioId, CancellationToken ct) =>
        GetAsync<List<IntegrityIncident>>($"api/matching/scenarios/{scenarioId}/integrity-incidents", ct);

    public Task<ApiResult<List<VendorRecommendation>>> RecommendedVendorsAsync(Guid scenarioId, CancellationToken ct) =>
        GetAsync<List<VendorRecommendation>>($"api/matching/scenarios/{scenarioId}/recommended-vendors", ct);
}
