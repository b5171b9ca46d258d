using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.OpenData.Api;

public static class OpenDataTexts
{
    public static readonly LocalizedText SinceFormat = new(
        "since must be a cursor from a previous page's links.next or an ISO 8601 time, e.g. 2026-04-01T00:00:00+08:00.",
        "since 必須是上一頁 links.next 提供的游標，或 ISO 8601 時間，例如 2026-04-01T00:00:00+08:00。");

    public static readonly LocalizedText OcidNotFound = new(
        "No contracting process has this ocid.", "沒有採購程序使用此 ocid。");

    public static readonly LocalizedText FigureNotFound = new(
        "No statistic has this name; the figures are listed in the API description.", "沒有此名稱的統計數字；可用的數字列於 API 說明。");
}
