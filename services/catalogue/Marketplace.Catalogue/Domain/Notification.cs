namespace Marketplace.Catalogue.Domain;

public enum NotificationKind
{
    /// <summary>A new scenario matched a saved search.</summary>
    ScenarioPublished,

    /// <summary>A scenario matching a saved search was amended.</summary>
    ScenarioAmended,

    /// <summary>The daily digest of one saved search.</summary>
    DailyDigest,
}

/// <summary>
/// One entry of a person's inbox, written in both languages when it is created. A match for a
/// daily saved search waits (<see cref="DigestPending"/>, not in the inbox) until the digest gathers it.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = "";

    public NotificationKind Kind { get; private set; }

    public Guid? SavedSearchId { get; private set; }

    public Guid? ScenarioId { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    public string BodyEn { get; private set; } = "";

    public string BodyZh { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public bool DigestPending { get; private set; }

    public static Notification Create(string userId, NotificationKind kind, Guid? savedSearchId, Guid? scenarioId,
        string titleEn, string titleZh, string bodyEn, string bodyZh, DateTimeOffset now, bool digestPending = false) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        Kind = kind,
        SavedSearchId = savedSearchId,
        ScenarioId = scenarioId,
        TitleEn = titleEn,
        TitleZh = titleZh,
        BodyEn = bodyEn,
        BodyZh = bodyZh,
        CreatedAt = now,
        DigestPending = digestPending,
    };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
