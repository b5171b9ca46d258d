namespace Marketplace.Catalogue;

/// <summary>Configuration section <c>Catalogue</c>.</summary>
public sealed class CatalogueOptions
{
    public const string Section = "Catalogue";

    /// <summary>
    /// Shortest allowed time between publication and the proposal deadline, in days: at least 1;
    /// 0 (deadlines right after publication, for trying the flows by hand) only in the Development environment.
    /// </summary>
    public int MinimumProposalPeriodDays { get; set; } = 14;

    public TimeSpan MinimumProposalPeriod => TimeSpan.FromDays(MinimumProposalPeriodDays);

    /// <summary>Questions close this many days before the proposal deadline, so answers reach every vendor in time.</summary>
    public int ClarificationCutOffDays { get; set; } = 3;

    public TimeSpan ClarificationCutOff => TimeSpan.FromDays(ClarificationCutOffDays);

    /// <summary>The hour of the day (0-23, Hong Kong time) at which daily digests of saved searches go out.</summary>
    public int DigestHourHongKong { get; set; } = 8;

    /// <summary>How often the scheduler looks for passed proposal deadlines (it also runs on start-up).</summary>
    public int DeadlineCheckSeconds { get; set; } = 60;

    /// <summary>Refuses to start with settings that would break the marketplace's promises to vendors.</summary>
    public CatalogueOptions Validated(bool isDevelopment)
    {
        if (MinimumProposalPeriodDays < (isDevelopment ? 0 : 1) || MinimumProposalPeriodDays > 365)
        {
            throw new InvalidOperationException(
                $"{Section}:{nameof(MinimumProposalPeriodDays)} is {MinimumProposalPeriodDays}; it must be 1 to 365 (0 only in the Development environment).");
        }
        if (DigestHourHongKong is < 0 or > 23)
        {
            throw new InvalidOperationException($"{Section}:{nameof(DigestHourHongKong)} is {DigestHourHongKong}; it must be an hour of the day, 0 to 23.");
        }
        return this;
    }
}
