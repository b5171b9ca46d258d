using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Gateway;

public static class GatewayMessages
{
    public static readonly LocalizedText UnknownService = new(
        "No service named '{0}' is behind this gateway.", "此閘道後沒有名為「{0}」的服務。");
    public static readonly LocalizedText BadGatewayTitle = new("Service unavailable.", "服務暫時無法使用。");
    public static readonly LocalizedText BadGateway = new(
        "The '{0}' service could not be reached; try again shortly.", "無法連接「{0}」服務，請稍後再試。");
    public static readonly LocalizedText TimeoutTitle = new("Service too slow.", "服務回應逾時。");
    public static readonly LocalizedText Timeout = new(
        "The '{0}' service did not answer within {1} seconds.", "「{0}」服務未能在 {1} 秒內回應。");
    public static readonly LocalizedText TooManyTitle = new("Too many requests.", "請求過於頻繁。");
    public static readonly LocalizedText TooMany = new(
        "You have sent too many requests; wait {0} seconds and try again.", "你的請求過於頻繁，請等候 {0} 秒後再試。");
}
