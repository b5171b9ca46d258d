using System.Text.Json;

namespace Marketplace.Talent.Taxonomy;

/// <summary>
/// The skills taxonomy, loaded from <c>skills.json</c>, and the one mapping from free text (a team
/// role's skill, a scenario's capability code) to a skill URI.
/// </summary>
public sealed class SkillTaxonomy
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, Skill> _byUri;
    private readonly Dictionary<string, string> _byText;

    public SkillTaxonomy(IReadOnlyList<Skill> skills)
    {
        Skills = skills;
        _byUri = skills.ToDictionary(s => s.Uri, StringComparer.Ordinal);
        _byText = new Dictionary<string, string>(StringComparer.Ordinal);
        // Preferred labels and codes first, so an alternative label never shadows another skill's name.
        foreach (var skill in skills)
        {
            _byText.TryAdd(Normalise(skill.Code), skill.Uri);
            _byText.TryAdd(Normalise(skill.LabelEn), skill.Uri);
            _byText.TryAdd(Normalise(skill.LabelZh), skill.Uri);
        }
        foreach (var skill in skills)
        {
            foreach (var label in skill.AltLabels)
            {
                _byText.TryAdd(Normalise(label), skill.Uri);
            }
        }
    }

    public IReadOnlyList<Skill> Skills { get; }

    /// <summary>The taxonomy shipped with the service.</summary>
    public static SkillTaxonomy Load()
    {
        using var stream = typeof(SkillTaxonomy).Assembly.GetManifestResourceStream("Marketplace.Talent.skills.json")
            ?? throw new InvalidOperationException("The skills taxonomy resource is missing.");
        var file = JsonSerializer.Deserialize<TaxonomyFile>(stream, s_json) ?? throw new InvalidOperationException("The skills taxonomy is empty.");
        return new SkillTaxonomy(file.Skills);
    }

    public Skill? Find(string? uri) => uri is not null && _byUri.TryGetValue(uri, out var skill) ? skill : null;

    /// <summary>
    /// The URI of the skill that <paramref name="text"/> names: a URI, a code, a label or an
    /// alternative label in either language, compared without regard to case, spacing, hyphens or
    /// underscores. Null when nothing matches (the caller keeps the text as unmapped).
    /// </summary>
    public string? Map(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        if (_byUri.ContainsKey(trimmed))
        {
            return trimmed;
        }
        return _byText.TryGetValue(Normalise(trimmed), out var uri) ? uri : null;
    }

    /// <summary>True when <paramref name="held"/> is <paramref name="required"/> or a narrower skill of it (computer vision satisfies machine learning).</summary>
    public bool Satisfies(string held, string required)
    {
        for (var uri = held; uri is not null; uri = Find(uri)?.Broader)
        {
            if (uri == required)
            {
                return true;
            }
        }
        return false;
    }

    internal static string Normalise(string text)
    {
        var chars = text.Trim().ToLowerInvariant().Select(c => c is '-' or '_' or '/' ? ' ' : c).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private sealed record TaxonomyFile(string BaseUri, IReadOnlyList<Skill> Skills);
}
