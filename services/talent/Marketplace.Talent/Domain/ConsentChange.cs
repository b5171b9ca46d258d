namespace Marketplace.Talent.Domain;

/// <summary>
/// One change of a talent's consent to be matched (given or withdrawn) and when, kept for the talent to see and in
/// their data export. The profile holds only the current consent; this is its history. Erased with the profile.
/// </summary>
public sealed class ConsentChange
{
    private ConsentChange()
    {
    }

    public ConsentChange(Guid id, Guid profileId, bool consentToMatch, DateTimeOffset at) =>
        (Id, ProfileId, ConsentToMatch, At) = (id, profileId, consentToMatch, at);

    public Guid Id { get; private set; }

    public Guid ProfileId { get; private set; }

    /// <summary>The consent as it stood after the change.</summary>
    public bool ConsentToMatch { get; private set; }

    public DateTimeOffset At { get; private set; }
}
