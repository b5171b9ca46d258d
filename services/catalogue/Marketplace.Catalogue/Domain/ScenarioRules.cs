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
    public static readonly LocalizedText OnlyDraftsSubmittable = new(
        "Only a draft scenario can be submitted for a batch; this one is {0}.", "只可把草稿情境提交至批次；此情境目前為{0}。");
    public static readonly LocalizedText BatchNotOpen = new(
        "Batch {0} has already been published; submit the scenario to an open batch.", "批次 {0} 已發布；請把情境提交至仍開放的批次。");
    public static readonly LocalizedText OnlySubmittedApprovable = new(
        "Only a submitted scenario can be approved or returned; this one is {0}.", "只可批准或退回已提交的情境；此情境目前為{0}。");
    public static readonly LocalizedText OnlyApprovedPublishable = new(
        "Only a submitted and approved scenario is published with its batch; this one is {0}.", "只有已提交並獲批准的情境會隨批次發布；此情境目前為{0}。");
    public static readonly LocalizedText OnlyPublishedAmendable = new(
        "Only a published scenario can be amended; this one is {0}.", "只可修訂已發布的情境；此情境目前為{0}。");
    public static readonly LocalizedText DeadlinePassed = new(
        "The proposal deadline has passed; the scenario can no longer be amended or asked about.", "提交建議書的截止時間已過，不能再修訂此情境或提出問題。");
    public static readonly LocalizedText AmendmentChangesNothing = new(
        "The amendment changes nothing; send the fields with their new values.", "修訂沒有更改任何內容；請提交需更改欄位的新值。");
    public static readonly LocalizedText OnlyClosedAwardable = new(
        "Only a scenario whose proposals have closed can be awarded; this one is {0}.", "只可為已截止收取建議書的情境判授；此情境目前為{0}。");
    public static readonly LocalizedText OnlyAwardedCancellable = new(
        "Only an awarded scenario can have its award cancelled, before delivery starts; this one is {0}.", "只可在開始推行前取消已判授情境的判授；此情境目前為{0}。");
    public static readonly LocalizedText OnlyAwardedStartable = new(
        "Only an awarded scenario can start delivery; this one is {0}.", "只有已判授的情境可以開始推行；此情境目前為{0}。");
    public static readonly LocalizedText StandstillNotEnded = new(
        "The award's standstill period ends at {0} Hong Kong time; delivery can start only after it has ended.",
        "判授的停頓期於香港時間 {0} 結束；停頓期結束後方可開始推行。");
    public static readonly LocalizedText AwardAlreadyCancelled = new(
        "This award has already been cancelled; it cannot be applied.", "此判授已被取消，不能再套用。");
    public static readonly LocalizedText OnlyDeliveredCompletable = new(
        "Only an awarded scenario in delivery can be completed; this one is {0}.", "只有已判授並推行中的情境可以完成；此情境目前為{0}。");
    public static readonly LocalizedText NotCancellable = new(
        "A scenario can be cancelled only before an award; this one is {0}.", "情境只可在判授前取消；此情境目前為{0}。");
    public static readonly LocalizedText OnlyClosedUnsuccessful = new(
        "Only a scenario whose proposals have closed can be declared unsuccessful; this one is {0}.", "只可把已截止收取建議書的情境宣布為不成功；此情境目前為{0}。");

    /// <summary>The display reason ScenarioClosed carries when the deadline closed the scenario (its kind says so to consumers).</summary>
    public const string DeadlineReason = "The proposal deadline passed.";

    /// <summary>After an amendment, vendors always have at least this long before the deadline.</summary>
    public static readonly TimeSpan MinimumTimeAfterAmendment = TimeSpan.FromDays(Marketplace.Contracts.Catalogue.AmendmentRule.MinimumDaysAfterAmendment);
    public static readonly LocalizedText DeadlineTooSoon = new(
        "'proposalDeadline' must be at least {0} days after publication, so vendors can prepare (not before {1} Hong Kong time).",
        "「proposalDeadline」必須在發布後最少 {0} 日，讓供應商有時間準備（不早於香港時間 {1}）。");
    public static readonly LocalizedText DeadlineTooSoonOneDay = new(
        "'proposalDeadline' must be at least one day after publication, so vendors can prepare (not before {0} Hong Kong time).",
        "「proposalDeadline」必須在發布後最少一日，讓供應商有時間準備（不早於香港時間 {0}）。");
    public static readonly LocalizedText DeadlineInPast = new(
        "'proposalDeadline' must not be before publication (not before {0} Hong Kong time).",
        "「proposalDeadline」不可早於發布時間（不早於香港時間 {0}）。");
    public static readonly LocalizedText DeadlineTooFar = new(
        "'proposalDeadline' must be within one year of publication.", "「proposalDeadline」必須在發布後一年內。");

    public static readonly IReadOnlyDictionary<ScenarioStatus, LocalizedText> StatusNames = new Dictionary<ScenarioStatus, LocalizedText>
    {
        [ScenarioStatus.Draft] = new("a draft", "草稿"),
        [ScenarioStatus.Submitted] = new("submitted", "已提交"),
        [ScenarioStatus.Published] = new("published", "已發布"),
        [ScenarioStatus.ProposalsClosed] = new("closed for proposals", "已截止收取建議書"),
        [ScenarioStatus.Awarded] = new("awarded", "已判授"),
        [ScenarioStatus.InDelivery] = new("in delivery", "推行中"),
        [ScenarioStatus.Completed] = new("completed", "已完成"),
        [ScenarioStatus.Cancelled] = new("cancelled", "已取消"),
        [ScenarioStatus.Unsuccessful] = new("unsuccessful", "不成功"),
    };

    /// <summary>Why a deadline is unacceptable, or null when it is fine.</summary>
    public static LocalizedText? CheckDeadline(DateTimeOffset deadline, DateTimeOffset now, TimeSpan minimumPeriod)
    {
        var earliest = now + minimumPeriod;
        if (deadline < earliest)
        {
            // A zero period exists only in development (CatalogueOptions); "at least 0 days" would read oddly.
            var days = (int)minimumPeriod.TotalDays;
            var shown = HongKongTime.Format(earliest);
            return days switch
            {
                <= 0 => DeadlineInPast.Format(shown),
                1 => DeadlineTooSoonOneDay.Format(shown),
                _ => DeadlineTooSoon.Format(days, shown),
            };
        }
        return deadline > now.AddYears(1) ? DeadlineTooFar : null;
    }

    /// <summary>An amendment leaves vendors at least <see cref="MinimumTimeAfterAmendment"/>: a sooner deadline moves to that long after the amendment.</summary>
    public static DateTimeOffset DeadlineAfterAmendment(DateTimeOffset deadline, DateTimeOffset amendedAt) =>
        deadline - amendedAt < MinimumTimeAfterAmendment ? amendedAt + MinimumTimeAfterAmendment : deadline;

    /// <summary>The API names (camelCase) of the fields that differ between two versions of a scenario.</summary>
    public static IReadOnlyList<string> ChangedFields(ScenarioDetails before, ScenarioDetails after)
    {
        var changed = new List<string>();
        void Check(string field, object? a, object? b)
        {
            var same = a is System.Collections.IEnumerable x && b is System.Collections.IEnumerable y && a is not string
                ? x.Cast<object?>().SequenceEqual(y.Cast<object?>())
                : Equals(a, b);
            if (!same)
            {
                changed.Add(field);
            }
        }
        Check("titleEn", before.TitleEn, after.TitleEn.Trim());
        Check("titleZh", before.TitleZh, after.TitleZh.Trim());
        Check("problemEn", before.ProblemEn, after.ProblemEn.Trim());
        Check("problemZh", before.ProblemZh, after.ProblemZh.Trim());
        Check("expectedOutcomesEn", before.ExpectedOutcomesEn, after.ExpectedOutcomesEn.Trim());
        Check("expectedOutcomesZh", before.ExpectedOutcomesZh, after.ExpectedOutcomesZh.Trim());
        Check("area", before.Area, after.Area);
        Check("sector", before.Sector, after.Sector);
        Check("capabilities", before.Capabilities, after.Capabilities);
        Check("budgetMinHkd", before.BudgetMinHkd, after.BudgetMinHkd);
        Check("budgetMaxHkd", before.BudgetMaxHkd, after.BudgetMaxHkd);
        Check("dataResidency", before.DataResidency, after.DataResidency);
        Check("pilotDurationMonths", before.PilotDurationMonths, after.PilotDurationMonths);
        Check("targetSchemes", before.TargetSchemes, after.TargetSchemes);
        Check("kpis", before.Kpis, after.Kpis.Select(k => new Kpi(k.NameEn.Trim(), k.NameZh.Trim(), k.Target.Trim())).ToList());
        Check("dataDescriptionEn", before.DataDescriptionEn, after.DataDescriptionEn.Trim());
        Check("dataDescriptionZh", before.DataDescriptionZh, after.DataDescriptionZh.Trim());
        Check("dataFormat", before.DataFormat, after.DataFormat.Trim());
        Check("aiRiskTier", before.AiRiskTier, after.AiRiskTier);
        Check("contactName", before.ContactName, after.ContactName.Trim());
        Check("contactEmail", before.ContactEmail, after.ContactEmail.Trim());
        return changed;
    }

    internal static DomainRuleException Violation(string code, LocalizedText text) => new(code, text);
}
