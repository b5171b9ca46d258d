using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Funding.Api;

/// <summary>Texts the funding endpoints share.</summary>
public static class FundingTexts
{
    public static readonly LocalizedText TooMany = new("'{0}' may hold at most {1} items.", "「{0}」最多可有 {1} 項。");
    public static readonly LocalizedText SchemeNotFound = new("No such scheme.", "找不到此資助計劃。");
    public static readonly LocalizedText ApplicationNotFound = new("No such application.", "找不到此申請。");
    public static readonly LocalizedText NotYourFundingBody = new("Only officers of the scheme's funding body may do this.", "只有該計劃資助機構的人員可進行此操作。");
    public static readonly LocalizedText SchemeClosed = new("The scheme is not open for applications now.", "本計劃現時不接受申請。");
    public static readonly LocalizedText NotYourProject = new("'projectId' is not a project awarded to your organisation.", "「projectId」並非判授予貴機構的項目。");
    public static readonly LocalizedText NotAnAssessor = new("'{0}' is not a funding officer or assessor of the scheme's funding body.", "「{0}」並非該計劃資助機構的資助主任或評審員。");
    public static readonly LocalizedText TooFewAssessors = new("'assessors' must name at least {0} people (the scheme's number of assessors).", "「assessors」最少須列出 {0} 人（本計劃的評審員人數）。");
    public static readonly LocalizedText DeclareFirst = new(
        "Nothing of this application is shown until you declare that you have no conflict of interest.", "在你聲明沒有利益衝突前，不會顯示此申請的任何內容。");
    public static readonly LocalizedText Declined = new("You declined this assignment; the application is not shown to you.", "你已拒絕此評審委派，故不會向你顯示此申請。");
    public static readonly LocalizedText FeedbackNotYet = new("The decision and feedback are released to the applicant from {0} (Hong Kong time).", "決定及評審意見將於 {0}（香港時間）起向申請人發放。");
    public static readonly LocalizedText AmountOnlyWhenFunded = new("'amountHkd' is given only for a FUNDED decision.", "只有「Funded」決定須填寫「amountHkd」。");
    public static readonly LocalizedText NotBeforeDecision = new("'feedbackReleaseAt' may not be before the decision.", "「feedbackReleaseAt」不可早於決定時間。");
}
