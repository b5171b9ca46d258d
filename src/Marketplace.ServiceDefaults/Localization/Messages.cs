namespace Marketplace.ServiceDefaults.Localization;

/// <summary>Texts shared by every service: problem titles and generic validation rules.</summary>
public static class Messages
{
    public static readonly LocalizedText ValidationTitle = new(
        "One or more fields are invalid.", "一個或多個欄位無效。");
    public static readonly LocalizedText ValidationDetail = new(
        "Correct the fields listed in 'errors' and send the request again; nothing was changed.",
        "請更正「errors」所列的欄位後再提交；系統未作任何更改。");
    public static readonly LocalizedText MalformedBody = new(
        "The request body could not be read: {0}", "無法讀取請求內容：{0}");
    public static readonly LocalizedText MalformedJsonAt = new(
        "The value at '{0}' is not valid JSON for this field.", "「{0}」的值不是此欄位的有效 JSON。");
    public static readonly LocalizedText MalformedJson = new(
        "The request body is not valid JSON.", "請求內容不是有效的 JSON。");
    public static readonly LocalizedText BodyRequired = new(
        "A request body is required.", "必須提供請求內容。");
    public static readonly LocalizedText UnsupportedMediaTypeTitle = new(
        "Unsupported media type.", "不支援的媒體類型。");
    public static readonly LocalizedText UnsupportedMediaTypeDetail = new(
        "Send the body as JSON with the header 'Content-Type: application/json'.", "請以 JSON 傳送請求內容，並加上標頭「Content-Type: application/json」。");
    public static readonly LocalizedText TooLargeTitle = new(
        "The request is too large.", "請求過大。");
    public static readonly LocalizedText TooLargeDetail = new(
        "The request body is larger than this endpoint accepts; nothing was changed.", "請求內容超出此端點接受的大小；系統未作任何更改。");
    public static readonly LocalizedText WrongType = new(
        "'{0}' must be {1}.", "「{0}」必須是{1}。");
    public static readonly LocalizedText ControlCharacters = new(
        "'{0}' must not contain control characters (such as NUL) or unpaired surrogates.", "「{0}」不可包含控制字元（例如 NUL）或不成對的代理字元。");
    public static readonly LocalizedText ControlCharactersMultiline = new(
        "'{0}' must not contain control characters other than line breaks and tabs, or unpaired surrogates.",
        "「{0}」除換行及定位字元外，不可包含控制字元或不成對的代理字元。");
    public static readonly LocalizedText EmailFormat = new(
        "'{0}' must be an email address such as name@example.hk.", "「{0}」必須是電郵地址，例如 name@example.hk。");
    public static readonly LocalizedText NotFoundTitle = new("Not found.", "找不到資源。");
    public static readonly LocalizedText ForbiddenTitle = new("Forbidden.", "禁止存取。");
    public static readonly LocalizedText ForbiddenDetail = new(
        "Your role or organisation does not allow this action.", "你的角色或所屬機構不允許進行此操作。");
    public static readonly LocalizedText UnauthorizedTitle = new("Authentication required.", "需要登入驗證。");
    public static readonly LocalizedText UnauthorizedDetail = new(
        "Send a valid bearer token in the Authorization header.", "請在 Authorization 標頭提供有效的 bearer 權杖。");
    public static readonly LocalizedText ConflictTitle = new(
        "The request conflicts with the current state.", "請求與目前狀態衝突。");
    public static readonly LocalizedText ConcurrencyDetail = new(
        "Someone else changed this record at the same time; reload it and try again.",
        "其他人同時修改了此記錄；請重新載入後再試。");
    public static readonly LocalizedText UnexpectedTitle = new(
        "An unexpected error occurred.", "發生意外錯誤。");
    public static readonly LocalizedText UnexpectedDetail = new(
        "The error was logged; quote the trace id when you report it.", "錯誤已記錄；報告時請提供追蹤編號。");

    public static readonly LocalizedText UnavailableTitle = new("The service is temporarily unavailable.", "服務暫時無法使用。");

    public static readonly LocalizedText DatabaseUnavailableDetail = new(
        "The service's database does not answer; nothing was changed. Try again shortly.", "服務的資料庫沒有回應，沒有任何更改。請稍後再試。");

    public static readonly LocalizedText Required = new("'{0}' is required.", "「{0}」為必填欄位。");
    public static readonly LocalizedText MaxLength = new(
        "'{0}' must be at most {1} characters.", "「{0}」不可超過 {1} 個字元。");
    public static readonly LocalizedText Between = new(
        "'{0}' must be between {1} and {2}.", "「{0}」必須介乎 {1} 至 {2}。");
    public static readonly LocalizedText OneOf = new(
        "'{0}' must be one of: {1}.", "「{0}」必須是以下其中之一：{1}。");
    public static readonly LocalizedText NotBefore = new(
        "'{0}' must not be less than '{1}'.", "「{0}」不可少於「{1}」。");
    public static readonly LocalizedText NoDuplicates = new(
        "'{0}' must not list the same value twice.", "「{0}」不可重複列出相同的值。");
    public static readonly LocalizedText MustContainChinese = new(
        "'{0}' must be written in Chinese.", "「{0}」必須以中文填寫。");
}
