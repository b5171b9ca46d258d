using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Marketplace.Talent.Domain;
using Marketplace.Talent.Taxonomy;

namespace Marketplace.Talent.Api;

public sealed record SubsidyRuleRequest(string? SchemeCode, int? GovernmentShare, int? EnterpriseShare, decimal? CapPerEnterprisePerYearHkd);

/// <summary>A training programme as its provider or an administrator sets it.</summary>
public sealed record ProgrammeRequest(
    string? TitleEn, string? TitleZh, string? ProviderNameEn, string? ProviderNameZh, IReadOnlyList<string?>? Skills, decimal? FeeHkd, int? Hours,
    SubsidyRuleRequest? Subsidy)
{
    public ValidationErrors Validate(SkillTaxonomy taxonomy, out ProgrammeContent? content)
    {
        var errors = new ValidationErrors().Text("titleEn", TitleEn, 200).Text("titleZh", TitleZh, 200)
            .Text("providerNameEn", ProviderNameEn, 200).Text("providerNameZh", ProviderNameZh, 200)
            .Between("feeHkd", FeeHkd, 0, 10_000_000).Between("hours", Hours, 1, 2000);
        var skills = Skills ?? [];
        errors.Must(skills.Count is >= 1 and <= 20, "skills", skills.Count == 0 ? Messages.Required.Format("skills") : TalentTexts.TooMany.Format("skills", 20));
        var uris = new List<string>();
        for (var i = 0; i < skills.Count && i < 20; i++)
        {
            var uri = taxonomy.Map(skills[i]);
            errors.Must(uri is not null, $"skills[{i}]", TalentTexts.UnknownSkill.Format($"skills[{i}]"));
            if (uri is not null)
            {
                uris.Add(uri);
            }
        }
        var rule = Subsidy;
        if (rule is null)
        {
            errors.Required("subsidy", null);
        }
        else
        {
            errors.Must(rule.SchemeCode is { Length: >= 2 and <= 20 } code && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)), "subsidy.schemeCode", TalentTexts.SchemeCodeFormat)
                .Must(rule.GovernmentShare is >= 1 and <= 10, "subsidy.governmentShare", TalentTexts.ShareOrder.Format("subsidy.governmentShare"))
                .Must(rule.EnterpriseShare is >= 1 and <= 10, "subsidy.enterpriseShare", TalentTexts.ShareOrder.Format("subsidy.enterpriseShare"))
                .Between("subsidy.capPerEnterprisePerYearHkd", rule.CapPerEnterprisePerYearHkd, 0, 100_000_000);
        }
        content = null;
        if (!errors.IsValid)
        {
            return errors;
        }
        content = new ProgrammeContent(TitleEn!.Trim(), TitleZh!.Trim(), ProviderNameEn!.Trim(), ProviderNameZh!.Trim(), uris, FeeHkd!.Value, Hours!.Value,
            new SubsidyRule(rule!.SchemeCode!, rule.GovernmentShare!.Value, rule.EnterpriseShare!.Value, rule.CapPerEnterprisePerYearHkd!.Value));
        return errors;
    }
}

public sealed record ProgrammeResponse(
    Guid Id, Guid? ProviderOrganisationId, string TitleEn, string TitleZh, string ProviderNameEn, string ProviderNameZh, IReadOnlyList<SkillResponse> Skills,
    decimal FeeHkd, int Hours, SubsidyRule Subsidy)
{
    public static ProgrammeResponse From(TrainingProgramme p, SkillTaxonomy taxonomy) => new(
        p.Id, p.ProviderOrganisationId, p.TitleEn, p.TitleZh, p.ProviderNameEn, p.ProviderNameZh,
        [.. p.SkillUris.Select(taxonomy.Find).OfType<Skill>().Select(SkillResponse.From)], p.FeeHkd, p.Hours, p.Subsidy);
}

public sealed record EnrolRequest(Guid? TalentId);

public sealed record SubsidyResponse(decimal FeeHkd, decimal SubsidyHkd, decimal EnterprisePaysHkd, decimal ShareOfFeeHkd, decimal RemainingCapHkd,
    string FinancialYear, string ExplanationEn, string ExplanationZh)
{
    public static SubsidyResponse From(Subsidy s, decimal fee) =>
        new(fee, s.AmountHkd, fee - s.AmountHkd, s.ShareOfFeeHkd, s.RemainingCapHkd, s.Year.Label, s.Explanation.En, s.Explanation.Zh);
}

public sealed record EnrolmentResponse(
    Guid Id, Guid ProgrammeId, Guid VendorOrganisationId, Guid TalentId, string SchemeCode, string FinancialYear, decimal FeeHkd, decimal SubsidyHkd,
    string ExplanationEn, string ExplanationZh, EnrolmentStatus Status, DateTimeOffset EnrolledAt, string EnrolledAtHongKong, DateTimeOffset? CompletedAt)
{
    public static EnrolmentResponse From(Enrolment e) => new(
        e.Id, e.ProgrammeId, e.VendorId, e.TalentId, e.SchemeCode, new FinancialYear(e.FinancialYear).Label, e.FeeHkd, e.SubsidyHkd,
        e.ExplanationEn, e.ExplanationZh, e.Status, e.EnrolledAt, HongKongTime.Format(e.EnrolledAt), e.CompletedAt);
}

/// <summary>What an enterprise has used of one scheme's cap in one financial year.</summary>
public sealed record SubsidyUsageResponse(string SchemeCode, string FinancialYear, decimal CapHkd, decimal UsedHkd, decimal RemainingHkd, int Enrolments);

public sealed record EnrolmentQuery(int? FinancialYear, int? Page, int? PageSize);

public sealed record UsageQuery(int? FinancialYear);
