namespace Marketplace.Catalogue;

/// <summary>Configuration section <c>Catalogue</c>.</summary>
public sealed class CatalogueOptions
{
    public const string Section = "Catalogue";

    /// <summary>Shortest allowed time between publication and the proposal deadline.</summary>
    public int MinimumProposalPeriodDays { get; set; } = 14;

    public TimeSpan MinimumProposalPeriod => TimeSpan.FromDays(MinimumProposalPeriodDays);

    /// <summary>Questions close this many days before the proposal deadline, so answers reach every vendor in time.</summary>
    public int ClarificationCutOffDays { get; set; } = 3;

    public TimeSpan ClarificationCutOff => TimeSpan.FromDays(ClarificationCutOffDays);

    /// <summary>How often the scheduler looks for passed proposal deadlines (it also runs on start-up).</summary>
    public int DeadlineCheckSeconds { get; set; } = 60;
}
