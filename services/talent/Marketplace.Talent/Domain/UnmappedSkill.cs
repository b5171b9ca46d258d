namespace Marketplace.Talent.Domain;

/// <summary>Where a skill text that the taxonomy does not know came from.</summary>
public enum SkillSource
{
    TeamRole,
    ScenarioCapability,
}

/// <summary>
/// A skill text from an incoming event that no skill of the taxonomy names: kept with its raw text
/// (never dropped) and listed for administrators, who extend the taxonomy's labels.
/// </summary>
public sealed class UnmappedSkill
{
    private UnmappedSkill()
    {
    }

    public UnmappedSkill(Guid id, string rawText, SkillSource source, Guid sourceId, DateTimeOffset seenAt) =>
        (Id, RawText, Source, SourceId, SeenAt) = (id, rawText, source, sourceId, seenAt);

    public Guid Id { get; private set; }

    public string RawText { get; private set; } = "";

    public SkillSource Source { get; private set; }

    /// <summary>The project (team role) or scenario (capability) the text came with.</summary>
    public Guid SourceId { get; private set; }

    public DateTimeOffset SeenAt { get; private set; }
}
