using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Api;

/// <summary>The catalogue service's HTTP API (scenarios, batches, success cases, solutions, taxonomy).</summary>
public sealed partial class CatalogueClient(HttpClient http, IStringLocalizer<Ui> text, ILogger<CatalogueClient> logger) : ServiceClient(http, text, logger)
{
    public const string Service = "catalogue";

    public Task<ApiResult<ScenarioPage>> SearchAsync(ScenarioSearch search, CancellationToken ct) =>
        GetAsync<ScenarioPage>(Query("api/catalogue/scenarios",
            ("q", search.Q), ("area", search.Area), ("sector", search.Sector), ("capability", search.Capability), ("status", search.Status),
            ("departmentId", search.DepartmentId), ("batchId", search.BatchId), ("sort", search.Sort), ("page", search.Page), ("pageSize", search.PageSize)), ct);

    public Task<ApiResult<Scenario>> ScenarioAsync(Guid id, CancellationToken ct) => GetAsync<Scenario>($"api/catalogue/scenarios/{id}", ct);

    public Task<ApiResult<List<Amendment>>> AmendmentsAsync(Guid id, CancellationToken ct) => GetAsync<List<Amendment>>($"api/catalogue/scenarios/{id}/amendments", ct);

    public Task<ApiResult<List<Clarification>>> ClarificationsAsync(Guid id, CancellationToken ct) =>
        GetAsync<List<Clarification>>($"api/catalogue/scenarios/{id}/clarifications", ct);

    public Task<ApiResult<Scenario>> CreateAsync(ScenarioBody body, CancellationToken ct) => SendAsync<Scenario>(HttpMethod.Post, "api/catalogue/scenarios", body, ct);

    public Task<ApiResult<Scenario>> EditAsync(Guid id, ScenarioBody body, CancellationToken ct) => SendAsync<Scenario>(HttpMethod.Put, $"api/catalogue/scenarios/{id}", body, ct);

    public Task<ApiResult<Scenario>> SubmitAsync(Guid id, Guid? batchId, CancellationToken ct) =>
        SendAsync<Scenario>(HttpMethod.Post, $"api/catalogue/scenarios/{id}/submit", new { batchId }, ct);

    public Task<ApiResult<List<Batch>>> BatchesAsync(CancellationToken ct) => GetAsync<List<Batch>>("api/catalogue/batches", ct);

    public Task<ApiResult<Paged<SuccessCase>>> SuccessCasesAsync(string? q, string? area, int page, CancellationToken ct) =>
        GetAsync<Paged<SuccessCase>>(Query("api/catalogue/success-cases", ("q", q), ("area", area), ("page", page), ("pageSize", 12)), ct);

    public Task<ApiResult<Paged<Solution>>> SolutionsAsync(string? q, string? capability, int page, CancellationToken ct) =>
        GetAsync<Paged<Solution>>(Query("api/catalogue/solutions", ("q", q), ("capability", capability), ("page", page), ("pageSize", 12)), ct);

    public Task<ApiResult<Taxonomy>> TaxonomyAsync(CancellationToken ct) => GetAsync<Taxonomy>("api/catalogue/taxonomy", ct);
}

/// <summary>The scenario list's search and filters, as the page's query string holds them.</summary>
public sealed record ScenarioSearch(string? Q = null, string? Area = null, string? Sector = null, string? Capability = null, string? Status = null,
    Guid? DepartmentId = null, Guid? BatchId = null, string? Sort = null, int? Page = null, int? PageSize = null);

/// <summary>The body of create and edit, in the catalogue's field names.</summary>
public sealed record ScenarioBody(
    string? TitleEn, string? TitleZh, string? ProblemEn, string? ProblemZh, string? ExpectedOutcomesEn, string? ExpectedOutcomesZh,
    string? Area, string? Sector, IReadOnlyList<string>? Capabilities, decimal? BudgetMinHkd, decimal? BudgetMaxHkd, string? DataResidency,
    int? PilotDurationMonths, IReadOnlyList<string>? TargetSchemes, IReadOnlyList<KpiBody>? Kpis, string? DataDescriptionEn, string? DataDescriptionZh,
    string? DataFormat, string? AiRiskTier, string? ContactName, string? ContactEmail);

public sealed record KpiBody(string? NameEn, string? NameZh, string? Target);
