using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>What the outbox's operator endpoints tell an administrator.</summary>
internal static class OutboxTexts
{
    public static readonly LocalizedText NoSuchMessage = new(
        "This service's outbox holds no message {0}.", "本服務的發件匣沒有訊息 {0}。");

    public static readonly LocalizedText NotDeadLettered = new(
        "Message {0} has not been set aside ({1}); only a set-aside message can be re-queued.",
        "訊息 {0} 未被擱置（{1}）；只有已擱置的訊息才可重新排隊。");

    public static readonly LocalizedText Dispatched = new("it was published", "已經發布");

    public static readonly LocalizedText Pending = new("it is still waiting to be published", "仍在等候發布");
}
