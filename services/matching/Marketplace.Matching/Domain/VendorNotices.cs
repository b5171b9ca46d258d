using System.Globalization;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Matching.Domain;

/// <summary>The bilingual texts of what matching tells a vendor, and the keys that keep each one single.</summary>
public static class VendorNotices
{
    private static readonly LocalizedText s_strongTitle = new("Strong match: {0}", "高度配對：{0}");
    private static readonly LocalizedText s_strongBody = new(
        "Score {0}/100: {1}. Proposals close {2} (Hong Kong time).", "配對分數 {0}/100：{1}。建議書截止時間為香港時間 {2}。");
    private static readonly LocalizedText s_reconfirmTitle = new("Amended: {0}", "已修訂：{0}");
    private static readonly LocalizedText s_reconfirmBody = new(
        "Amendment {0} changed this scenario. Your submitted proposal counts only once you reconfirm it (or change and resubmit it) before {1} (Hong Kong time).",
        "此情境已作第 {0} 次修訂。你已提交的建議書須於香港時間 {1} 前重新確認（或修改後重新提交）方會計算在內。");
    private static readonly LocalizedText s_awardedTitle = new("Awarded: {0}", "獲判授：{0}");
    private static readonly LocalizedText s_awardedBody = new(
        "Your proposal was awarded. The award may still be cancelled until {0} (Hong Kong time), the end of the standstill period.",
        "你的建議書獲判授。在停頓期結束（香港時間 {0}）前，判授仍可被取消。");
    private static readonly LocalizedText s_notAwardedTitle = new("Not awarded: {0}", "未獲判授：{0}");
    private static readonly LocalizedText s_notAwardedBody = new(
        "Another proposal was awarded. Your own marks and the evaluators' comments are now available as feedback on your proposal.",
        "此情境已判授予另一份建議書。你現可查閱自己建議書的評分及評審意見。");
    private static readonly LocalizedText s_cancelledTitle = new("Award cancelled: {0}", "判授已取消：{0}");
    private static readonly LocalizedText s_cancelledBody = new("The department cancelled the award: {0}", "部門已取消判授：{0}");

    public static VendorNotification StrongMatch(Guid vendorId, Guid scenarioId, LocalizedText title, int score, LocalizedText reasons, DateTimeOffset? deadline,
        DateTimeOffset now) =>
        VendorNotification.Create(vendorId, VendorNotificationKind.StrongMatch, $"strong-match:{scenarioId:N}", scenarioId, null,
            Compose(s_strongTitle, title), Compose(s_strongBody, score, reasons, HongKongTime.Format(deadline)), now);

    public static VendorNotification ReconfirmationNeeded(Proposal proposal, OpenScenario scenario, DateTimeOffset now) =>
        VendorNotification.Create(proposal.VendorOrganisationId, VendorNotificationKind.ReconfirmationNeeded,
            $"reconfirm:{proposal.Id:N}:{scenario.AmendmentNumber}", scenario.ScenarioId, proposal.Id,
            Compose(s_reconfirmTitle, Title(scenario)), Compose(s_reconfirmBody, scenario.AmendmentNumber, HongKongTime.Format(scenario.ProposalDeadline)), now);

    public static VendorNotification Awarded(Proposal proposal, OpenScenario scenario, DateTimeOffset awardedAt, DateTimeOffset standstillEnds) =>
        VendorNotification.Create(proposal.VendorOrganisationId, VendorNotificationKind.Awarded, $"award:{proposal.Id:N}:{awardedAt.UtcTicks}",
            scenario.ScenarioId, proposal.Id, Compose(s_awardedTitle, Title(scenario)), Compose(s_awardedBody, HongKongTime.Format(standstillEnds)), awardedAt);

    public static VendorNotification NotAwarded(Proposal proposal, OpenScenario scenario, DateTimeOffset awardedAt) =>
        VendorNotification.Create(proposal.VendorOrganisationId, VendorNotificationKind.NotAwarded, $"not-awarded:{proposal.Id:N}:{awardedAt.UtcTicks}",
            scenario.ScenarioId, proposal.Id, Compose(s_notAwardedTitle, Title(scenario)), s_notAwardedBody, awardedAt);

    public static VendorNotification AwardCancelled(Proposal proposal, OpenScenario scenario, string reason, DateTimeOffset now) =>
        VendorNotification.Create(proposal.VendorOrganisationId, VendorNotificationKind.AwardCancelled, $"award-cancelled:{proposal.Id:N}:{now.UtcTicks}",
            scenario.ScenarioId, proposal.Id, Compose(s_cancelledTitle, Title(scenario)), Compose(s_cancelledBody, reason), now);

    private static LocalizedText Title(OpenScenario scenario) => new(scenario.TitleEn, scenario.TitleZh);

    /// <summary>Formats both languages of a template; a bilingual argument gives each language its own text.</summary>
    private static LocalizedText Compose(LocalizedText template, params object?[] args) => new(
        string.Format(CultureInfo.InvariantCulture, template.En, [.. args.Select(a => a is LocalizedText t ? t.En : a)]),
        string.Format(CultureInfo.InvariantCulture, template.Zh, [.. args.Select(a => a is LocalizedText t ? t.Zh : a)]));
}
