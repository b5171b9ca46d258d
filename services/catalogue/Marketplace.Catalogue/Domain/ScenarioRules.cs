using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Catalogue.Domain;

/// <summary>The lifecycle rules and their bilingual explanations.</summary>
public static class ScenarioRules
{
    /// <summary>Vendors need time to prepare a proposal; the deadline may not be sooner than this after publication.</summary>
    public static readonly TimeSpan DefaultMinimumProposalPeriod = TimeSpan.FromDays(14);

    public static readonly LocalizedText OnlyDraftsEditable = new(
        "Only a draft scenario can be edited; a published scenario is changed by an amendment.",
        "只可編輯草稿情境；已發布的情境須以修訂方式更改。");
    public static readonly LocalizedText OnlyDraftsPublishable = new(
        "Only a draft scenario can be published; this one is {0}.", "只可發布草稿情境；此情境目前為{0}。");
    public static readonly LocalizedText OnlyPublishedClosable = new(
        "Only a published scenario can be closed; this one is {0}.", "只可關閉已發布的情境；此情境目前為{0}。");
    public static readonly LocalizedText DeadlineTooSoon = new(
        "'proposalDeadline' must be at least {0} days after publication (not before {1:u}).",
        "「proposalDeadline」必須在發布後最少 {0} 日（不早於 {1:u}）。");
    public static readonly LocalizedText DeadlineTooFar = new(
        "'proposalDeadline' must be within one year of publication.", "「proposalDeadline」必須在發布後一年內。");

    public static readonly IReadOnlyDictionary<ScenarioStatus, LocalizedText> StatusNames = new Dictionary<ScenarioStatus, LocalizedText>
    {
        [ScenarioStatus.Draft] = new("a draft", "草稿"),
        [ScenarioStatus.Published] = new("published", "已發布"),
        [ScenarioStatus.Closed] = new("closed", "已關閉"),
    };

    /// <summary>Why a deadline is unacceptable, or null when it is fine.</summary>
    public static LocalizedText? CheckDeadline(DateTimeOffset deadline, DateTimeOffset now, TimeSpan minimumPeriod)
    {
        var earliest = now + minimumPeriod;
        if (deadline < earliest)
        {
            return DeadlineTooSoon.Format((int)minimumPeriod.TotalDays, earliest.UtcDateTime);
        }
        return deadline > now.AddYears(1) ? DeadlineTooFar : null;
    }

    internal static DomainRuleException Violation(string code, LocalizedText text) => new(code, text);
}
