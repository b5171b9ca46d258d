using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;

namespace Marketplace.Catalogue.Domain;

/// <summary>What a department writes about a scenario; validated as a whole before it reaches an entity.</summary>
public sealed record ScenarioDetails(
    string TitleEn,
    string TitleZh,
    string ProblemEn,
    string ProblemZh,
    string ExpectedOutcomesEn,
    string ExpectedOutcomesZh,
    SmartCityArea Area,
    string Sector,
    IReadOnlyList<string> Capabilities,
    decimal BudgetMinHkd,
    decimal BudgetMaxHkd,
    DataResidency DataResidency,
    int PilotDurationMonths,
    IReadOnlyList<string> TargetSchemes,
    IReadOnlyList<Kpi> Kpis,
    string DataDescriptionEn,
    string DataDescriptionZh,
    string DataFormat,
    AiRiskTier AiRiskTier,
    string ContactName,
    string ContactEmail)
{
    public const int KpisMax = 10;
    public const int TitleMax = 200;
    public const int TextMax = 4000;
    public const decimal BudgetCeilingHkd = 1_000_000_000m;
    public const int PilotMonthsMax = 60;

    public static readonly LocalizedText BudgetOrder = new(
        "'budgetMaxHkd' must not be less than 'budgetMinHkd'.", "「budgetMaxHkd」不可少於「budgetMinHkd」。");
    public static readonly LocalizedText UnknownCode = new(
        "'{0}' is not a known code: {1}.", "「{0}」不是有效代碼：{1}。");
    public static readonly LocalizedText AtLeastOne = new(
        "'{0}' must list at least one value.", "「{0}」必須最少列出一項。");
    public static readonly LocalizedText NotAnEmail = new("'{0}' must be an email address.", "「{0}」必須是電郵地址。");
    public static readonly LocalizedText TooMany = new("'{0}' may list at most {1} entries.", "「{0}」最多只可列出 {1} 項。");
    public static readonly LocalizedText WholeDollars = new(
        "'{0}' must be a whole number of Hong Kong dollars.", "「{0}」必須為港元整數。");

    /// <summary>Every rule a scenario's content must satisfy, reported per field (camelCase, as in the API).</summary>
    public ValidationErrors Check(ValidationErrors? into = null)
    {
        var errors = into ?? new ValidationErrors();
        errors.Text("titleEn", TitleEn, TitleMax)
            .Text("titleZh", TitleZh, TitleMax)
            .Text("problemEn", ProblemEn, TextMax)
            .Text("problemZh", ProblemZh, TextMax)
            .Text("expectedOutcomesEn", ExpectedOutcomesEn, TextMax)
            .Text("expectedOutcomesZh", ExpectedOutcomesZh, TextMax);
        RequireChinese(errors, "titleZh", TitleZh);
        RequireChinese(errors, "problemZh", ProblemZh);
        RequireChinese(errors, "expectedOutcomesZh", ExpectedOutcomesZh);

        errors.OneOf("sector", Sector, Taxonomy.Sectors.Keys.ToArray());
        CheckCodes(errors, "capabilities", Capabilities, Taxonomy.Capabilities.Keys.ToArray(), required: true);
        CheckCodes(errors, "targetSchemes", TargetSchemes, Taxonomy.FundingSchemes.Keys.ToArray(), required: false);

        errors.Between("budgetMinHkd", BudgetMinHkd, 0, BudgetCeilingHkd)
            .Between("budgetMaxHkd", BudgetMaxHkd, 0, BudgetCeilingHkd)
            .Must(BudgetMinHkd == decimal.Truncate(BudgetMinHkd), "budgetMinHkd", WholeDollars.Format("budgetMinHkd"))
            .Must(BudgetMaxHkd == decimal.Truncate(BudgetMaxHkd), "budgetMaxHkd", WholeDollars.Format("budgetMaxHkd"))
            .Must(BudgetMaxHkd >= BudgetMinHkd, "budgetMaxHkd", BudgetOrder)
            .Between("pilotDurationMonths", PilotDurationMonths, 1, PilotMonthsMax);

        errors.Text("dataDescriptionEn", DataDescriptionEn, TextMax)
            .Text("dataDescriptionZh", DataDescriptionZh, TextMax)
            .Text("dataFormat", DataFormat, TitleMax)
            .Text("contactName", ContactName, TitleMax)
            .Text("contactEmail", ContactEmail, TitleMax);
        RequireChinese(errors, "dataDescriptionZh", DataDescriptionZh);
        if (!string.IsNullOrWhiteSpace(ContactEmail) && !EmailRule.IsValid(ContactEmail))
        {
            errors.Add("contactEmail", NotAnEmail.Format("contactEmail"));
        }
        if (Kpis is null || Kpis.Count == 0)
        {
            errors.Add("kpis", AtLeastOne.Format("kpis"));
        }
        else
        {
            errors.Must(Kpis.Count <= KpisMax, "kpis", TooMany.Format("kpis", KpisMax));
            for (var i = 0; i < Kpis.Count; i++)
            {
                errors.Text($"kpis[{i}].nameEn", Kpis[i]?.NameEn, TitleMax)
                    .Text($"kpis[{i}].nameZh", Kpis[i]?.NameZh, TitleMax)
                    .Text($"kpis[{i}].target", Kpis[i]?.Target, TitleMax);
                RequireChinese(errors, $"kpis[{i}].nameZh", Kpis[i]?.NameZh);
            }
        }
        return errors;
    }

    private static void RequireChinese(ValidationErrors errors, string field, string? value)
    {
        // A Chinese field filled with English is the commonest bilingual mistake; at least one CJK
        // ideograph must be present (names and numbers may stay in Latin script).
        if (!string.IsNullOrWhiteSpace(value) && !value.Any(IsCjk))
        {
            errors.Add(field, Messages.MustContainChinese.Format(field));
        }
    }

    internal static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    private static void CheckCodes(ValidationErrors errors, string field, IReadOnlyList<string>? codes, IReadOnlyCollection<string> allowed, bool required)
    {
        if (codes is null || codes.Count == 0)
        {
            if (required)
            {
                errors.Add(field, AtLeastOne.Format(field));
            }
            return;
        }
        for (var i = 0; i < codes.Count; i++)
        {
            if (!allowed.Contains(codes[i]))
            {
                errors.Add($"{field}[{i}]", UnknownCode.Format(codes[i], string.Join(", ", allowed)));
            }
        }
        if (codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
        {
            errors.Add(field, Messages.NoDuplicates.Format(field));
        }
    }
}
