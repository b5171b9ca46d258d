using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.Bench.Matching;

/// <summary>An English text and its Traditional Chinese counterpart.</summary>
internal sealed record Bilingual(string En, string Zh);

/// <summary>A demo showcase solution: its names and summary, and what it claims.</summary>
internal sealed record DemoSolution(Bilingual Name, Bilingual Summary, IReadOnlyList<string> Capabilities, IReadOnlyList<string> Sectors);

/// <summary>A demo scenario's title and classification.</summary>
internal sealed record DemoScenario(Bilingual Title, string Sector, IReadOnlyList<string> Capabilities);

/// <summary>
/// The bilingual material of standalone/Marketplace.Standalone/Seed/demo-data.json that the generator
/// recombines: the showcase solutions (names, summaries, capabilities, sectors), the sentences of the
/// solutions' descriptions and of the vendors' descriptions (for solution summaries), the scenarios'
/// titles and the sentences of their problem statements, and the demo departments. English and Chinese
/// pieces are paired by relative position, as in the search benchmark.
/// </summary>
internal sealed partial class DemoText
{
    public required IReadOnlyList<DemoSolution> Solutions { get; init; }

    /// <summary>Sentences of the solutions' and vendors' descriptions.</summary>
    public required IReadOnlyList<Bilingual> SolutionSentences { get; init; }

    public required IReadOnlyList<DemoScenario> Scenarios { get; init; }

    public required IReadOnlyList<Bilingual> ProblemSentences { get; init; }

    public required IReadOnlyList<Guid> Departments { get; init; }

    public static DemoText Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        string Text(JsonElement e, string name) => e.GetProperty(name).GetString() ?? "";
        List<string> Codes(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(c => c.GetString() ?? "").ToList();

        var solutions = root.GetProperty("solutions").EnumerateArray().ToList();
        var vendors = root.GetProperty("vendors").EnumerateArray().ToList();
        var scenarios = root.GetProperty("scenarios").EnumerateArray().ToList();
        return new DemoText
        {
            Solutions = solutions.Select(s => new DemoSolution(
                new Bilingual(Text(s, "nameEn"), Text(s, "nameZh")),
                new Bilingual(Text(s, "summaryEn"), Text(s, "summaryZh")),
                Codes(s, "capabilities"), Codes(s, "sectors"))).ToList(),
            SolutionSentences = solutions.Select(s => (En: Text(s, "descriptionEn"), Zh: Text(s, "descriptionZh")))
                .Concat(vendors.Select(v => (En: Text(v, "descriptionEn"), Zh: Text(v, "descriptionZh"))))
                .SelectMany(d => Align(EnglishSentence().Split(d.En), SplitAfter(d.Zh, '。')))
                .ToList(),
            Scenarios = scenarios.Select(s => new DemoScenario(
                new Bilingual(Text(s, "titleEn"), Text(s, "titleZh")), Text(s, "sector"), Codes(s, "capabilities"))).ToList(),
            ProblemSentences = scenarios
                .SelectMany(s => Align(EnglishSentence().Split(Text(s, "problemEn")), SplitAfter(Text(s, "problemZh"), '。')))
                .ToList(),
            Departments = root.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList(),
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
            yield return new Bilingual(en[i], chinese[Math.Min(chinese.Count - 1, i * chinese.Count / en.Count)]);
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

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9])")]
    private static partial Regex EnglishSentence();
}
