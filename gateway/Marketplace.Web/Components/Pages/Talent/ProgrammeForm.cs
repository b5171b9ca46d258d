using System.Globalization;
using Marketplace.Web.Api;

namespace Marketplace.Web.Components.Pages.Talent;

/// <summary>A training programme as the administrator's form posts it; the talent API validates.</summary>
public sealed class ProgrammeForm
{
    public string? TitleEn { get; set; }
    public string? TitleZh { get; set; }
    public string? ProviderNameEn { get; set; }
    public string? ProviderNameZh { get; set; }
    public List<string> Skills { get; set; } = [];
    public string? FeeHkd { get; set; }
    public string? Hours { get; set; }
    public string? SchemeCode { get; set; } = "NITTP";
    public string? GovernmentShare { get; set; } = "2";
    public string? EnterpriseShare { get; set; } = "1";
    public string? CapHkd { get; set; } = "250000";

    public static ProgrammeForm From(TrainingProgramme p) => new()
    {
        TitleEn = p.TitleEn, TitleZh = p.TitleZh, ProviderNameEn = p.ProviderNameEn, ProviderNameZh = p.ProviderNameZh,
        Skills = [.. p.Skills.Select(s => s.Uri)], FeeHkd = p.FeeHkd.ToString(CultureInfo.InvariantCulture), Hours = p.Hours.ToString(CultureInfo.InvariantCulture),
        SchemeCode = p.Subsidy.SchemeCode, GovernmentShare = p.Subsidy.GovernmentShare.ToString(CultureInfo.InvariantCulture),
        EnterpriseShare = p.Subsidy.EnterpriseShare.ToString(CultureInfo.InvariantCulture), CapHkd = p.Subsidy.CapPerEnterprisePerYearHkd.ToString(CultureInfo.InvariantCulture),
    };

    public ProgrammeBody ToBody() => new(Blank(TitleEn), Blank(TitleZh), Blank(ProviderNameEn), Blank(ProviderNameZh), [.. (Skills ?? []).Where(s => !string.IsNullOrWhiteSpace(s))],
        Money(FeeHkd), Whole(Hours), new SubsidyRuleBody(Blank(SchemeCode)?.ToUpperInvariant(), Whole(GovernmentShare), Whole(EnterpriseShare), Money(CapHkd)));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? Whole(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Amounts as typed: thousands separators and a leading HK$ are allowed.</summary>
    private static decimal? Money(string? value) =>
        decimal.TryParse(value?.Replace("HK$", "", StringComparison.OrdinalIgnoreCase).Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
}
