namespace Marketplace.Talent.Taxonomy;

/// <summary>One skill of the taxonomy, modelled on an ESCO skill: a stable URI, preferred labels in both languages, alternative labels, the broader skill.</summary>
public sealed record Skill(string Uri, string LabelEn, string LabelZh, IReadOnlyList<string> AltLabels, string? Broader)
{
    /// <summary>The last segment of the URI (<c>computer-vision</c>), the code the catalogue classifies scenarios by.</summary>
    public string Code => Uri[(Uri.LastIndexOf('/') + 1)..];
}
