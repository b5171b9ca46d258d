using Marketplace.Catalogue.Domain;
using Marketplace.Contracts.Catalogue;
using Marketplace.Matching.Domain;

namespace Marketplace.Bench.Matching;

/// <summary>
/// Deterministic <see cref="ScenarioPublished"/> events with realistic bilingual text: a demo scenario's
/// title, two to four problem sentences of the demo scenarios (Zipf-like), mostly the demo scenario's own
/// sector and capabilities (one to three), one of the demo departments. A Random of its own, so the
/// scenarios are the same whatever the number of vendors.
/// </summary>
internal sealed class ScenarioGenerator
{
    private readonly Random _random;
    private readonly DemoText _text;
    private readonly ZipfPicker<DemoScenario> _scenarios;
    private readonly ZipfPicker<Bilingual> _problems;
    private readonly string[] _sectors = [.. Taxonomy.Sectors.Keys];
    private readonly string[] _capabilities = [.. Taxonomy.Capabilities.Keys];
    private readonly string[] _areas = Enum.GetNames<SmartCityArea>();

    public ScenarioGenerator(DemoText text, int seed)
    {
        _random = new Random(seed);
        _text = text;
        _scenarios = new ZipfPicker<DemoScenario>(text.Scenarios, 0.6, _random);
        _problems = new ZipfPicker<Bilingual>(text.ProblemSentences, 0.8, _random);
    }

    public ScenarioPublished Next(DateTimeOffset publishedAt)
    {
        var demo = _scenarios.Next();
        var problem = _problems.NextDistinct(_random.Next(2, 5));
        var capabilities = demo.Capabilities.Count > 0 && _random.NextDouble() < 0.6
            ? Pick(demo.Capabilities, _random.Next(1, Math.Min(3, demo.Capabilities.Count) + 1))
            : Pick(_capabilities, _random.Next(1, 4));
        var budgetMin = _random.Next(5, 201) * 100_000m;
        return new ScenarioPublished(
            NewId(),
            _text.Departments[_random.Next(_text.Departments.Count)],
            null,
            demo.Title.En,
            demo.Title.Zh,
            string.Join(' ', problem.Select(p => p.En)),
            string.Concat(problem.Select(p => p.Zh)),
            _areas[_random.Next(_areas.Length)],
            _random.NextDouble() < 0.6 ? demo.Sector : _sectors[_random.Next(_sectors.Length)],
            capabilities,
            budgetMin,
            budgetMin + (_random.Next(0, 31) * 100_000m),
            "HongKongOnly",
            [],
            publishedAt.AddDays(_random.Next(21, 91)),
            publishedAt);
    }

    /// <summary>The read model <c>ScenarioPublishedConsumer</c> makes of the event.</summary>
    public static OpenScenario ReadModel(ScenarioPublished m)
    {
        var scenario = OpenScenario.Known(m.ScenarioId, m.DepartmentId);
        scenario.Published(m.TitleEn, m.TitleZh, m.ProblemEn, m.ProblemZh, m.Area, m.Sector, m.Capabilities,
            m.BudgetMinHkd, m.BudgetMaxHkd, m.ProposalDeadline, m.PublishedAt);
        return scenario;
    }

    private List<string> Pick(IReadOnlyList<string> from, int count)
    {
        var indexes = Enumerable.Range(0, from.Count).ToArray();
        _random.Shuffle(indexes);
        return indexes.Take(count).Order().Select(i => from[i]).ToList();
    }

    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
