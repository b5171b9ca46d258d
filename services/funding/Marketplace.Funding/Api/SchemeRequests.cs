using Marketplace.Contracts.Identity;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;

namespace Marketplace.Funding.Api;

public sealed record CriterionRequest(string? Code, string? NameEn, string? NameZh, int? MaxScore, int? PassMark);

/// <summary>A scheme as its funding officers set it: names, rules, criteria, assessors per application and window.</summary>
public sealed record SchemeRequest(
    string? Code,
    string? NameEn,
    string? NameZh,
    [MultilineText] string? DescriptionEn,
    [MultilineText] string? DescriptionZh,
    GrantBasis? Basis,
    int? GovernmentShare,
    int? CompanyShare,
    decimal? PercentageOfEligibleCost,
    decimal? PerProjectCapHkd,
    decimal? CumulativeCapHkd,
    int? MaxProjects,
    int? MaxConcurrentProjects,
    bool? RequireHongKongRegistered,
    IReadOnlyList<SizeClass>? SizeClasses,
    IReadOnlyList<string>? Sectors,
    bool? NoDoubleFunding,
    IReadOnlyList<CostType>? EligibleCostTypes,
    IReadOnlyList<CriterionRequest>? Criteria,
    int? AssessorCount,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt)
{
    public static readonly LocalizedText CodeFormat = new("'code' is 2 to 20 upper-case letters or digits (the scheme's code in the taxonomy, e.g. TVP).", "「code」須為 2 至 20 個大寫字母或數字（計劃於分類中的代碼，例如 TVP）。");
    public static readonly LocalizedText WindowOrder = new("'closesAt' must be after 'opensAt'.", "「closesAt」必須遲於「opensAt」。");
    public static readonly LocalizedText DuplicateCriterion = new("'{0}' repeats a criterion code.", "「{0}」與另一準則代碼重複。");
    public static readonly LocalizedText PassAboveMax = new("'{0}' may not exceed the criterion's maximum score.", "「{0}」不可高於該準則的滿分。");

    public ValidationErrors Validate(out SchemeContent? content)
    {
        var errors = new ValidationErrors()
            .Text("nameEn", NameEn, 200).Text("nameZh", NameZh, 200)
            .Text("descriptionEn", DescriptionEn, 4000).Text("descriptionZh", DescriptionZh, 4000)
            .Must(Code is { Length: >= 2 and <= 20 } code && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)), "code", CodeFormat);
        if (Basis is null)
        {
            errors.Required("basis", null);
        }
        else if (Basis == GrantBasis.MatchingRatio)
        {
            errors.Between("governmentShare", GovernmentShare, 1, 100).Between("companyShare", CompanyShare, 1, 100);
        }
        else
        {
            errors.Between("percentageOfEligibleCost", PercentageOfEligibleCost, 1, 100);
        }
        if (PerProjectCapHkd is not null)
        {
            errors.Between("perProjectCapHkd", PerProjectCapHkd, 1, 1_000_000_000);
        }
        if (CumulativeCapHkd is not null)
        {
            errors.Between("cumulativeCapHkd", CumulativeCapHkd, 1, 1_000_000_000);
        }
        if (MaxProjects is not null)
        {
            errors.Between("maxProjects", MaxProjects, 1, 1000);
        }
        if (MaxConcurrentProjects is not null)
        {
            errors.Between("maxConcurrentProjects", MaxConcurrentProjects, 1, 1000);
        }
        var sectors = Sectors ?? [];
        errors.Must(sectors.Count <= 50, "sectors", FundingTexts.TooMany.Format("sectors", 50));
        for (var i = 0; i < sectors.Count && i < 50; i++)
        {
            errors.Text($"sectors[{i}]", sectors[i], 50);
        }
        var costs = EligibleCostTypes ?? [];
        if (costs.Count == 0)
        {
            errors.Required("eligibleCostTypes", null);
        }
        var criteria = Criteria ?? [];
        if (criteria.Count == 0)
        {
            errors.Required("criteria", null);
        }
        errors.Must(criteria.Count <= 20, "criteria", FundingTexts.TooMany.Format("criteria", 20));
        for (var i = 0; i < criteria.Count && i < 20; i++)
        {
            var c = criteria[i];
            var field = $"criteria[{i}]";
            errors.Must(c.Code is { Length: >= 1 and <= 40 } criterionCode && criterionCode.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'), field + ".code", Messages.Required.Format(field + ".code"))
                .Text(field + ".nameEn", c.NameEn, 200).Text(field + ".nameZh", c.NameZh, 200)
                .Between(field + ".maxScore", c.MaxScore, 1, 100).Between(field + ".passMark", c.PassMark, 0, 100)
                .Must(c.PassMark is null || c.MaxScore is null || c.PassMark <= c.MaxScore, field + ".passMark", PassAboveMax.Format(field + ".passMark"))
                .Must(criteria.Take(i).All(o => o.Code != c.Code), field + ".code", DuplicateCriterion.Format(field + ".code"));
        }
        errors.Between("assessorCount", AssessorCount, 1, 20).Instant("opensAt", OpensAt).Instant("closesAt", ClosesAt);
        errors.Must(OpensAt is null || ClosesAt is null || ClosesAt > OpensAt, "closesAt", WindowOrder);
        content = null;
        if (!errors.IsValid)
        {
            return errors;
        }
        var rules = new SchemeRules(Basis!.Value, GovernmentShare ?? 0, CompanyShare ?? 0, PercentageOfEligibleCost ?? 0, PerProjectCapHkd, CumulativeCapHkd,
            MaxProjects, MaxConcurrentProjects, RequireHongKongRegistered ?? true, [.. (SizeClasses ?? []).Distinct()], [.. sectors.Select(s => s.Trim()).Distinct()],
            NoDoubleFunding ?? true, [.. costs.Distinct()]);
        content = new SchemeContent(Code!, NameEn!.Trim(), NameZh!.Trim(), DescriptionEn!.Trim(), DescriptionZh!.Trim(), rules,
            [.. criteria.Select(c => new AssessmentCriterion(c.Code!, c.NameEn!.Trim(), c.NameZh!.Trim(), c.MaxScore!.Value, c.PassMark!.Value))],
            AssessorCount!.Value, OpensAt!.Value, ClosesAt!.Value);
        return errors;
    }
}

public sealed record SchemeResponse(
    Guid Id, string Code, Guid FundingBodyId, string NameEn, string NameZh, string DescriptionEn, string DescriptionZh,
    SchemeRules Rules, IReadOnlyList<AssessmentCriterion> Criteria, int AssessorCount, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    string OpensAtHongKong, string ClosesAtHongKong, bool Open)
{
    public static SchemeResponse From(Scheme s, DateTimeOffset now) => new(
        s.Id, s.Code, s.FundingBodyId, s.NameEn, s.NameZh, s.DescriptionEn, s.DescriptionZh, s.Rules, s.Criteria, s.AssessorCount,
        s.OpensAt, s.ClosesAt, HongKongTime.Format(s.OpensAt), HongKongTime.Format(s.ClosesAt), s.IsOpenAt(now));
}
