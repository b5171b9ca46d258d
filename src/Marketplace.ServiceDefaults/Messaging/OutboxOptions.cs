namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>Configuration section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Turn off to keep events in the outbox (maintenance, tests); they go out when a dispatcher runs again.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public int PollIntervalMs { get; set; } = 1000;

    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Failed attempts after which a row is set aside (dead-lettered) and the rows behind it flow.
    /// With the capped exponential backoff, ten attempts span about 13 minutes.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long dispatched outbox rows and processed inbox ids are kept.</summary>
    public int RetentionDays { get; set; } = 14;
}
