using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Api;

/// <summary>The talent service's skill-gap statistics for the administrator's statistics page (not public: docs/decisions/0017).</summary>
public sealed class TalentStatisticsClient(HttpClient http, IStringLocalizer<Ui> text, ILogger<TalentStatisticsClient> logger) : ServiceClient(http, text, logger)
{
    public const string Service = "talent";

    public Task<ApiResult<SkillGap>> SkillGapAsync(CancellationToken ct) => GetAsync<SkillGap>("api/talent/statistics/skill-gap", ct);
}

public sealed record SkillGap(IReadOnlyList<SkillGapRow> BySkill);

/// <summary>Demand (open scenarios and open roles asking for the skill) against consenting, available supply; the gap is what is short.</summary>
public sealed record SkillGapRow(string SkillUri, string LabelEn, string LabelZh, int OpenScenarios, int OpenRoles, int Supply, int Gap);
