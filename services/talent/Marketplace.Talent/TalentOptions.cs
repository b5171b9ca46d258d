namespace Marketplace.Talent;

/// <summary>Settings of the talent service (section <c>Talent</c>).</summary>
public sealed class TalentOptions
{
    public const string Section = "Talent";

    /// <summary>The most open requirements a talent's own "matched roles" looks through (newest first).</summary>
    public int MatchedRolesScanLimit { get; set; } = 500;

    /// <summary>How many months back the skill-gap statistics go by default.</summary>
    public int SkillGapMonths { get; set; } = 12;

    /// <summary>At most this many ProjectAwarded are applied in one transaction.</summary>
    public int AwardBatchSize { get; set; } = 100;

    /// <summary>A batch of awards that is not full is applied this long after its first award arrived.</summary>
    public int AwardBatchWaitMs { get; set; } = 20;
}
