using Marketplace.Web.Api;
using Marketplace.Web.Localization;

namespace Marketplace.Web.Components.Pages.Talent;

/// <summary>The talent API's codes as the pages show and post them (levels, languages, residency), in one place.</summary>
public static class TalentTerms
{
    public static readonly IReadOnlyList<string> Levels = ["Junior", "Mid", "Senior", "Lead", "Principal"];

    public static readonly IReadOnlyList<string> Languages =
        ["Cantonese", "English", "Putonghua", "Japanese", "Korean", "French", "German", "Hindi", "Urdu", "Tagalog", "Indonesian", "Thai", "Vietnamese"];

    public static readonly IReadOnlyList<string> Residencies =
    [
        "PermanentResident", "NonPermanentResident", "TechnologyTalentAdmissionScheme", "TopTalentPassScheme", "GeneralEmploymentPolicy",
        "AdmissionSchemeForMainlandTalents", "QualityMigrantAdmissionScheme", "ImmigrationArrangementsForNonLocalGraduates", "Dependant", "NeedsWorkPermit",
    ];

    public static string SkillLabel(string? labelEn, string? labelZh, string fallback) =>
        Display.Pick(labelEn, labelZh) is { Length: > 0 } label ? label : fallback;

    public static string SkillLabel(IReadOnlyList<TalentSkill> skills, string uri) =>
        skills.FirstOrDefault(s => s.Uri == uri) is { } skill ? Display.Pick(skill.LabelEn, skill.LabelZh) : uri;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
