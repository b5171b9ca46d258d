namespace Marketplace.Catalogue;

/// <summary>Configuration section <c>Catalogue</c>.</summary>
public sealed class CatalogueOptions
{
    public const string Section = "Catalogue";

    /// <summary>Shortest allowed time between publication and the proposal deadline.</summary>
    public int MinimumProposalPeriodDays { get; set; } = 14;

    public TimeSpan MinimumProposalPeriod => TimeSpan.FromDays(MinimumProposalPeriodDays);
}
