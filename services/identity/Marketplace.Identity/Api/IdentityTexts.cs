using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Identity.Api;

/// <summary>The identity service's user-facing texts, in English and Traditional Chinese.</summary>
public static class IdentityTexts
{
    public static readonly LocalizedText UnsupportedGrant = new(
        "grant_type must be authorization_code, refresh_token, client_credentials or password.",
        "grant_type 必須是 authorization_code、refresh_token、client_credentials 或 password。");
    public static readonly LocalizedText MissingParameter = new(
        "The parameter '{0}' is required.", "必須提供參數「{0}」。");
    public static readonly LocalizedText FormEncodingRequired = new(
        "Send the parameters form-encoded (Content-Type: application/x-www-form-urlencoded).",
        "請以表單編碼傳送參數（Content-Type: application/x-www-form-urlencoded）。");
    public static readonly LocalizedText MalformedForm = new(
        "The form could not be read: it is cut short, not form-encoded, or has more fields or longer values than allowed.",
        "無法讀取表單：內容不完整、不是表單編碼，或欄位數目或長度超出上限。");
    public static readonly LocalizedText FormTooLarge = new(
        "The form is larger than the token server accepts.", "表單超出權杖伺服器接受的大小。");
    public static readonly LocalizedText InvalidCharacters = new(
        "The parameter '{0}' contains control characters or unpaired surrogates.", "參數「{0}」包含控制字元或不成對的代理字元。");
    public static readonly LocalizedText WrongCredentials = new(
        "The email or password is incorrect.", "電郵或密碼不正確。");
    public static readonly LocalizedText WrongCredentialsWarning = new(
        "The email or password is incorrect. After {0} more failed attempt(s) the account will be locked for {1} minutes.",
        "電郵或密碼不正確。再輸入錯誤 {0} 次，帳戶將被鎖定 {1} 分鐘。");
    public static readonly LocalizedText AccountLocked = new(
        "This account is locked after repeated failed sign-ins until {0} (Hong Kong time). Try again after that, or ask an administrator to unlock it.",
        "此帳戶因多次登入失敗已被鎖定，直至香港時間 {0}。請於該時間後再試，或聯絡管理員解鎖。");
    public static readonly LocalizedText AccountInactive = new(
        "This account has been removed from its organisation and can no longer sign in.", "此帳戶已從所屬機構移除，不能再登入。");
    public static readonly LocalizedText OrganisationPending = new(
        "Your organisation's registration is waiting for an administrator's approval; you can sign in once it is approved.",
        "你的機構登記正等待管理員批准；獲批後即可登入。");
    public static readonly LocalizedText OrganisationNotActive = new(
        "Your organisation is {0} on the marketplace, so its members cannot sign in.", "你的機構在本平台的狀態為 {0}，其成員不能登入。");
    public static readonly LocalizedText WrongClient = new(
        "The client id or secret is incorrect, or the client has been revoked.", "用戶端編號或密鑰不正確，或該用戶端已被撤銷。");
    public static readonly LocalizedText RefreshInvalid = new(
        "The refresh token is unknown, expired or revoked; sign in again.", "更新權杖無效、已過期或已被撤銷；請重新登入。");
    public static readonly LocalizedText RefreshReused = new(
        "This refresh token has already been used. For your safety every session that came from it has been signed out; sign in again.",
        "此更新權杖已被使用。為保障安全，由它衍生的所有工作階段已被登出；請重新登入。");
    public static readonly LocalizedText OrganisationNotFound = new("No organisation has this id.", "找不到此編號的機構。");
    public static readonly LocalizedText MemberNotFound = new("This organisation has no member with this id.", "此機構沒有此編號的成員。");
    public static readonly LocalizedText InvitationNotFound = new("This organisation has no invitation with this id.", "此機構沒有此編號的邀請。");
    public static readonly LocalizedText ClientNotFound = new("This organisation has no API client with this id.", "此機構沒有此編號的 API 用戶端。");
    public static readonly LocalizedText UserNotFound = new("No user has this id.", "找不到此編號的用戶。");
    public static readonly LocalizedText NotYourOrganisation = new(
        "Only the organisation's own managers (or an administrator) may do this.", "只有該機構的管理人員（或平台管理員）可以進行此操作。");
    public static readonly LocalizedText NotAManager = new(
        "Only members who manage the organisation may do this.", "只有負責管理機構的成員可以進行此操作。");
    public static readonly LocalizedText EmailTaken = new(
        "An account with this email already exists; sign in instead, or use another email.", "已有帳戶使用此電郵；請直接登入或使用其他電郵。");
    public static readonly LocalizedText BrnTaken = new(
        "An organisation with this business registration number is already registered; ask its manager to invite you.",
        "已有機構以此商業登記號碼登記；請聯絡該機構的管理人員邀請你加入。");
    public static readonly LocalizedText RoleNotAllowed = new(
        "'{0}' is not a role members of a {1} can hold; allowed: {2}.", "「{0}」不是{1}成員可擔任的角色；可選：{2}。");
    public static readonly LocalizedText LastManager = new(
        "An organisation must keep at least one manager; make someone else a manager first.", "機構必須最少保留一位管理人員；請先指派其他人為管理人員。");
    public static readonly LocalizedText SelfRegistrationVendorsOnly = new(
        "Only vendors register themselves; departments, chambers, funding bodies and training providers are created by an administrator.",
        "只有供應商可自行登記；部門、商會、資助機構及培訓機構由管理員建立。");
    public static readonly LocalizedText Locale = new("'{0}' must be en or zh-HK.", "「{0}」必須是 en 或 zh-HK。");
    public static readonly LocalizedText Password = new("'{0}': {1}", "「{0}」：{1}");
    public static readonly LocalizedText ReasonRequired = new("'reason' is required and tells the organisation why.", "必須填寫「reason」，向機構說明原因。");
}
