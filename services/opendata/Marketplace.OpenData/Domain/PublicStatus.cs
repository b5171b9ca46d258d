namespace Marketplace.OpenData.Domain;

/// <summary>Where a published scenario stands, as far as anyone outside may know (drafts and submissions are never public).</summary>
public enum PublicStatus
{
    Open,
    Evaluating,
    Awarded,
    Completed,
    Cancelled,
}
