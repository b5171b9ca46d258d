using Marketplace.ServiceDefaults.Localization;
using Marketplace.Talent.Domain;

namespace Marketplace.Talent.Api;

/// <summary>Texts the talent endpoints share.</summary>
public static class TalentTexts
{
    public static readonly LocalizedText TooMany = new("'{0}' may hold at most {1} items.", "「{0}」最多可有 {1} 項。");
    public static readonly LocalizedText UnknownSkill = new("'{0}' is not a skill of the taxonomy (GET /api/talent/skills lists them).", "「{0}」並非技能分類中的技能（GET /api/talent/skills 列出所有技能）。");
    public static readonly LocalizedText DuplicateSkill = new("'{0}' repeats a skill.", "「{0}」與另一技能重複。");
    public static readonly LocalizedText NoProfile = new("You have no talent profile yet.", "你尚未建立人才檔案。");
    public static readonly LocalizedText ProfileNotFound = new("No such talent profile, or the talent has not consented to be seen.", "找不到此人才檔案，或該人才未同意被查閱。");
    public static readonly LocalizedText NoUserId = new("Your sign-in carries no user id a profile can belong to.", "你的登入資料沒有可用作人才檔案的用戶識別碼。");
    public static readonly LocalizedText ProjectNotFound = new("No such project of your organisation.", "找不到貴機構的此項目。");
    public static readonly LocalizedText RequirementNotFound = new("No such staffing requirement of your organisation.", "找不到貴機構的此人手需求。");
    public static readonly LocalizedText RequirementNotOpen = new("The role is no longer open.", "此職位已不再招募。");
    public static readonly LocalizedText TalentNotOffered = new(
        "'talentId' is not a talent who consented to be matched, nor an employee of your organisation.", "「talentId」並非同意配對的人才，亦非貴機構的僱員。");
    public static readonly LocalizedText AlreadyInvited = new("This talent already has a pending invitation to the role.", "此人才已獲邀擔任此職位，尚待回覆。");
    public static readonly LocalizedText InvitationNotFound = new("No such invitation of yours.", "找不到你的此邀請。");
    public static readonly LocalizedText InvitationAnswered = new("The invitation was already answered or has lapsed.", "此邀請已回覆或已失效。");
    public static readonly LocalizedText ProgrammeNotFound = new("No such training programme.", "找不到此培訓課程。");
    public static readonly LocalizedText NotYourProgramme = new("Only the programme's provider or an administrator may change it.", "只有課程提供者或管理員可更改此課程。");
    public static readonly LocalizedText NotAProvider = new("Only administrators and members of a training provider manage programmes.", "只有管理員及培訓機構成員可管理課程。");
    public static readonly LocalizedText NotAnEmployee = new("'talentId' is not an employee of your organisation (the talent's profile names its employer).", "「talentId」並非貴機構的僱員（以人才檔案所載僱主為準）。");
    public static readonly LocalizedText EnrolmentNotFound = new("No such enrolment.", "找不到此報讀紀錄。");
    public static readonly LocalizedText ShareOrder = new("'{0}' must be between 1 and 10.", "「{0}」必須介乎 1 至 10。");
    public static readonly LocalizedText SchemeCodeFormat = new("'subsidy.schemeCode' is 2 to 20 upper-case letters or digits (e.g. NITTP).", "「subsidy.schemeCode」須為 2 至 20 個大寫字母或數字（例如 NITTP）。");
    public static readonly LocalizedText OneOfLanguages = Messages.OneOf.Format("languages", string.Join(", ", Enum.GetNames<Language>()));
    public static readonly LocalizedText DateRange = new("'{0}' must be a date between 2000 and 2100.", "「{0}」必須為 2000 至 2100 年之間的日期。");
}
