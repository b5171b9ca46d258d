namespace Marketplace.Matching;

/// <summary>Configuration section <c>Matching</c>.</summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>Days after an award during which it may still be cancelled (the standstill period).</summary>
    public int StandstillDays { get; set; } = 10;

    /// <summary>Seconds between passes that notify vendors of strong matches for what changed.</summary>
    public int MatchNotificationSeconds { get; set; } = 15;

    /// <summary>Seconds between passes that open the sealed proposals of scenarios whose deadline has passed (also on start-up).</summary>
    public int ProposalOpeningSeconds { get; set; } = 30;

    public TimeSpan Standstill => TimeSpan.FromDays(StandstillDays);
}
