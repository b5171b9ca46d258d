namespace Marketplace.Contracts.Catalogue;

/// <summary>
/// The catalogue's deadline-extension rule for amendments, which vendors and the web UI explain to people: after an
/// amendment, vendors always have at least this many days before the proposal deadline (a sooner deadline moves).
/// The catalogue's domain applies it; everything that states it reads it from here.
/// </summary>
public static class AmendmentRule
{
    public const int MinimumDaysAfterAmendment = 7;
}
