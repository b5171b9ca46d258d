using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Catalogue.Domain;

namespace Marketplace.Bench.Search;

/// <summary>An English text and its Traditional Chinese counterpart.</summary>
internal sealed record Bilingual(string En, string Zh);

/// <summary>
/// The bilingual material of the demo scenarios (standalone/Marketplace.Standalone/Seed/demo-data.json),
/// cut into parallel pieces the generator recombines: titles, the sentences of the problems and the
/// clauses of the expected outcomes (English and Chinese have the same number of each in the demo
/// data; where they do not, the Chinese piece at the same relative position is used), KPIs, data
/// descriptions, formats and contacts, and the demo departments.
/// </summary>
internal sealed partial class DemoText
{
    public required IReadOnlyList<Bilingual> Titles { get; init; }

    public required IReadOnlyList<Bilingual> ProblemSentences { get; init; }

    public required IReadOnlyList<Bilingual> OutcomeClauses { get; init; }

    public required IReadOnlyList<Kpi> Kpis { get; init; }

    public required IReadOnlyList<Bilingual> DataDescriptions { get; init; }

    public required IReadOnlyList<string> DataFormats { get; init; }

    public required IReadOnlyList<(string Name, string Email)> Contacts { get; init; }

    public required IReadOnlyList<(Guid Id, string NameEn, string NameZh)> Departments { get; init; }

    public static DemoText Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var scenarios = root.GetProperty("scenarios").EnumerateArray().ToList();
        string Text(JsonElement e, string name) => e.GetProperty(name).GetString() ?? "";

        return new DemoText
        {
            Titles = scenarios.Select(s => new Bilingual(Text(s, "titleEn"), Text(s, "titleZh"))).ToList(),
            ProblemSentences = scenarios
                .SelectMany(s => Align(EnglishSentence().Split(Text(s, "problemEn")), SplitAfter(Text(s, "problemZh"), '。')))
                .ToList(),
            OutcomeClauses = scenarios
                .SelectMany(s => Align(EnglishClause().Split(Text(s, "expectedOutcomesEn")), SplitAfter(Text(s, "expectedOutcomesZh"), '；', '。')))
                .ToList(),
            Kpis = scenarios.SelectMany(s => s.GetProperty("kpis").EnumerateArray())
                .Select(k => new Kpi(Text(k, "nameEn"), Text(k, "nameZh"), Text(k, "target")))
                .DistinctBy(k => k.NameEn)
                .ToList(),
            DataDescriptions = scenarios.Select(s => new Bilingual(Text(s, "dataDescriptionEn"), Text(s, "dataDescriptionZh"))).ToList(),
            DataFormats = scenarios.Select(s => Text(s, "dataFormat")).Distinct().ToList(),
            Contacts = scenarios.Select(s => (Text(s, "contactName"), Text(s, "contactEmail"))).ToList(),
            Departments = root.GetProperty("departments").EnumerateArray()
                .Select(d => (d.GetProperty("id").GetGuid(), Text(d, "nameEn"), Text(d, "nameZh")))
                .ToList(),
        };
    }

    /// <summary>Pairs each English piece with the Chinese piece at the same relative position.</summary>
    private static IEnumerable<Bilingual> Align(string[] english, List<string> chinese)
    {
        var en = english.Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        if (en.Count == 0 || chinese.Count == 0)
        {
            yield break;
        }
        for (var i = 0; i < en.Count; i++)
        {
            var zh = chinese[Math.Min(chinese.Count - 1, i * chinese.Count / en.Count)];
            var sentence = char.ToUpperInvariant(en[i][0]) + en[i][1..];
            yield return new Bilingual(Terminate(sentence, '.'), Terminate(zh, '。'));
        }
    }

    /// <summary>Splits Chinese text after each of the given punctuation marks, keeping them.</summary>
    private static List<string> SplitAfter(string text, params char[] marks)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (marks.Contains(text[i]))
            {
                pieces.Add(text[start..(i + 1)].Trim());
                start = i + 1;
            }
        }
        if (start < text.Length && text[start..].Trim().Length > 0)
        {
            pieces.Add(text[start..].Trim());
        }
        return pieces;
    }

    /// <summary>A clause cut at a semicolon becomes a sentence of its own.</summary>
    private static string Terminate(string piece, char stop)
    {
        var trimmed = piece.TrimEnd(';', '；', ' ');
        return trimmed.EndsWith(stop) || trimmed.EndsWith('.') || trimmed.EndsWith('。') ? trimmed : trimmed + stop;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9])")]
    private static partial Regex EnglishSentence();

    [GeneratedRegex(@"(?<=[.!?;])\s+")]
    private static partial Regex EnglishClause();
}
