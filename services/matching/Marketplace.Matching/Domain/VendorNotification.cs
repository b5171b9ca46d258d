using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Matching.Domain;

public enum VendorNotificationKind
{
    /// <summary>An open scenario the vendor fits strongly (score at least <c>Recommender.StrongMatch</c>).</summary>
    StrongMatch,

    /// <summary>A scenario the vendor bid for was amended: its proposal must be reconfirmed to count.</summary>
    ReconfirmationNeeded,

    /// <summary>The vendor's proposal won the award.</summary>
    Awarded,

    /// <summary>Another proposal won; the vendor may read its own marks and comments.</summary>
    NotAwarded,

    /// <summary>The award to this vendor was cancelled during the standstill period.</summary>
    AwardCancelled,
}

/// <summary>
/// A message to a vendor organisation (every member with the vendor role reads the same inbox). The
/// <see cref="Key"/> is unique per vendor, so a redelivered event or a second pass never tells the
/// vendor the same thing twice.
/// </summary>
public sealed class VendorNotification
{
    private VendorNotification()
    {
    }

    public Guid Id { get; private set; }

    public Guid VendorId { get; private set; }

    public VendorNotificationKind Kind { get; private set; }

    /// <summary>What the notification is about, e.g. <c>strong-match:{scenario}</c>; unique per vendor.</summary>
    public string Key { get; private set; } = "";

    public Guid ScenarioId { get; private set; }

    public Guid? ProposalId { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    public string BodyEn { get; private set; } = "";

    public string BodyZh { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static VendorNotification Create(Guid vendorId, VendorNotificationKind kind, string key, Guid scenarioId, Guid? proposalId,
        LocalizedText title, LocalizedText body, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        VendorId = vendorId,
        Kind = kind,
        Key = key,
        ScenarioId = scenarioId,
        ProposalId = proposalId,
        TitleEn = Clip(title.En, 300),
        TitleZh = Clip(title.Zh, 300),
        BodyEn = Clip(body.En, 2000),
        BodyZh = Clip(body.Zh, 2000),
        CreatedAt = now,
    };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
