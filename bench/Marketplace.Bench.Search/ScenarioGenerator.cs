using Marketplace.Catalogue.Domain;

namespace Marketplace.Bench.Search;

/// <summary>
/// Deterministic published scenarios built through the domain: each is created as a draft from
/// recombined demo text, submitted to a batch, approved, and published with its batch, so the search
/// tokens come from the same code as in the service. Weekly batches of <see cref="BatchSize"/>; the
/// events the domain returns are dropped (events are not under test).
/// </summary>
internal sealed class ScenarioGenerator
{
    public const int BatchSize = 1000;
    public const int DepartmentCount = 30;

    public static readonly TimeSpan MinimumProposalPeriod = TimeSpan.FromDays(14);

    /// <summary>Departments beyond the demo data's, so that there are about 30 as in government.</summary>
    private static readonly (string En, string Zh)[] _moreDepartments =
    [
        ("Highways Department", "路政署"),
        ("Lands Department", "地政總署"),
        ("Planning Department", "規劃署"),
        ("Civil Engineering and Development Department", "土木工程拓展署"),
        ("Water Supplies Department", "水務署"),
        ("Electrical and Mechanical Services Department", "機電工程署"),
        ("Architectural Services Department", "建築署"),
        ("Department of Health", "衞生署"),
        ("Fire Services Department", "消防處"),
        ("Hong Kong Police Force", "香港警務處"),
        ("Immigration Department", "入境事務處"),
        ("Customs and Excise Department", "香港海關"),
        ("Marine Department", "海事處"),
        ("Leisure and Cultural Services Department", "康樂及文化事務署"),
        ("Education Bureau", "教育局"),
        ("Labour Department", "勞工處"),
        ("Hong Kong Observatory", "香港天文台"),
        ("Agriculture, Fisheries and Conservation Department", "漁農自然護理署"),
        ("Inland Revenue Department", "稅務局"),
        ("Census and Statistics Department", "政府統計處"),
    ];

    /// <summary>
    /// Pilot locations, most frequent first: the 18 districts, then neighbourhoods ever less often named,
    /// down to a place in about one scenario of a thousand (the rare-word search).
    /// </summary>
    private static readonly Bilingual[] _places =
    [
        new("Central and Western", "中西區"), new("Wan Chai", "灣仔"), new("Eastern District", "東區"),
        new("Southern District", "南區"), new("Yau Tsim Mong", "油尖旺"), new("Sham Shui Po", "深水埗"),
        new("Kowloon City", "九龍城"), new("Wong Tai Sin", "黃大仙"), new("Kwun Tong", "觀塘"),
        new("Kwai Tsing", "葵青"), new("Tsuen Wan", "荃灣"), new("Tuen Mun", "屯門"),
        new("Yuen Long", "元朗"), new("North District", "北區"), new("Tai Po", "大埔"),
        new("Sha Tin", "沙田"), new("Sai Kung", "西貢"), new("Islands District", "離島"),
        new("Tin Shui Wai", "天水圍"), new("Tseung Kwan O", "將軍澳"), new("Tung Chung", "東涌"),
        new("Kai Tak", "啟德"), new("Ma On Shan", "馬鞍山"), new("Fanling", "粉嶺"),
        new("Sheung Shui", "上水"), new("Tai Wai", "大圍"), new("Mong Kok", "旺角"),
        new("Causeway Bay", "銅鑼灣"), new("Aberdeen", "香港仔"), new("Chai Wan", "柴灣"),
        new("Quarry Bay", "鰂魚涌"), new("North Point", "北角"), new("Kennedy Town", "堅尼地城"),
        new("Hung Hom", "紅磡"), new("To Kwa Wan", "土瓜灣"), new("Lam Tin", "藍田"),
        new("Ngau Tau Kok", "牛頭角"), new("Diamond Hill", "鑽石山"), new("Lai Chi Kok", "荔枝角"),
        new("Cheung Sha Wan", "長沙灣"), new("Tsing Yi", "青衣"), new("Kwai Chung", "葵涌"),
        new("Ma Wan", "馬灣"), new("Cheung Chau", "長洲"), new("Sai Wan Ho", "西灣河"),
        new("Sai Ying Pun", "西營盤"), new("Hung Shui Kiu", "洪水橋"), new("Kwu Tung", "古洞"),
        new("Lok Ma Chau", "落馬洲"), new("San Tin", "新田"), new("Stanley", "赤柱"),
    ];

    private static readonly int[] _pilotMonths = [6, 9, 12, 18, 24, 36];

    private readonly Random _random;
    private readonly DemoText _text;
    private readonly ZipfPicker<Bilingual> _titles;
    private readonly ZipfPicker<Bilingual> _problems;
    private readonly ZipfPicker<Bilingual> _outcomes;
    private readonly ZipfPicker<Bilingual> _placePicker;
    private readonly ZipfPicker<Department> _departmentPicker;
    private readonly string[] _sectors = [.. Taxonomy.Sectors.Keys];
    private readonly string[] _capabilities = [.. Taxonomy.Capabilities.Keys];
    private readonly string[] _schemes = [.. Taxonomy.FundingSchemes.Keys];
    private readonly SmartCityArea[] _areas = Enum.GetValues<SmartCityArea>();

    public ScenarioGenerator(DemoText text, int seed)
    {
        _random = new Random(seed);
        _text = text;
        var departments = text.Departments.Select(d => new Department(d.Id, d.NameEn, d.NameZh)).ToList();
        foreach (var (en, zh) in _moreDepartments.Where(m => departments.TrueForAll(d => d.NameEn != m.En)))
        {
            if (departments.Count < DepartmentCount)
            {
                departments.Add(new Department(NewId(), en, zh));
            }
        }
        Departments = departments;
        _departmentPicker = new ZipfPicker<Department>(departments, 0.6, _random);
        _titles = new ZipfPicker<Bilingual>(text.Titles, 0.8, _random);
        _problems = new ZipfPicker<Bilingual>(text.ProblemSentences, 0.8, _random);
        _outcomes = new ZipfPicker<Bilingual>(text.OutcomeClauses, 0.8, _random);
        _placePicker = new ZipfPicker<Bilingual>(_places, 1.0, _random, shuffle: false);
    }

    public IReadOnlyList<Department> Departments { get; }

    /// <summary><paramref name="count"/> published scenarios in weekly batches, the newest published the day before <paramref name="now"/>.</summary>
    public IEnumerable<(Batch Batch, List<Scenario> Scenarios)> Generate(int count, DateTimeOffset now)
    {
        var batchCount = (count + BatchSize - 1) / BatchSize;
        var numberInYear = new Dictionary<int, int>();
        for (var b = 0; b < batchCount; b++)
        {
            var size = Math.Min(BatchSize, count - (b * BatchSize));
            var publishedAt = now.AddDays((-7 * (batchCount - 1 - b)) - 1);
            var createdAt = publishedAt.AddDays(-30);
            var deadline = publishedAt.AddDays(_random.Next(21, 91));
            var number = numberInYear[publishedAt.Year] = numberInYear.GetValueOrDefault(publishedAt.Year) + 1;
            var batch = Batch.Create(publishedAt.Year, number,
                $"Generated list {b + 1} of AI application scenarios for the search benchmark.",
                $"搜尋基準測試的第 {b + 1} 批人工智能應用場景。",
                deadline, createdAt, NewId());

            var scenarios = new List<Scenario>(size);
            for (var i = 0; i < size; i++)
            {
                var draftedAt = createdAt.AddMinutes(i);
                var scenario = Scenario.CreateDraft(_departmentPicker.Next().Id, Details(), draftedAt, NewId());
                scenario.Submit(batch, createdAt.AddDays(10));
                scenario.Approve(createdAt.AddDays(20));
                scenarios.Add(scenario);
            }
            batch.Publish(scenarios, publishedAt, MinimumProposalPeriod);
            yield return (batch, scenarios);
        }
    }

    private ScenarioDetails Details()
    {
        var title = _titles.Next();
        var place = _random.NextDouble() < 0.5 ? _placePicker.Next() : null;
        var problem = _problems.NextDistinct(_random.Next(2, 5));
        if (place is not null)
        {
            problem.Add(new Bilingual(
                $"The pilot will start in {place.En} before a territory-wide roll-out.",
                $"試點將先在{place.Zh}推行，其後推展至全港。"));
        }
        var district = place is not null && _random.Next(2) == 0 ? place : null;
        var outcomes = _outcomes.NextDistinct(_random.Next(1, 4));
        var budgetMin = _random.Next(5, 201) * 100_000m;
        var budgetMax = budgetMin + (_random.Next(0, 31) * 100_000m);
        var contact = _text.Contacts[_random.Next(_text.Contacts.Count)];
        var data = _text.DataDescriptions[_random.Next(_text.DataDescriptions.Count)];
        return new ScenarioDetails(
            district is null ? title.En : $"{title.En} – {district.En} Pilot",
            district is null ? title.Zh : $"{title.Zh}（{district.Zh}試點）",
            string.Join(' ', problem.Select(p => p.En)),
            string.Concat(problem.Select(p => p.Zh)),
            string.Join(' ', outcomes.Select(o => o.En)),
            string.Concat(outcomes.Select(o => o.Zh)),
            _areas[_random.Next(_areas.Length)],
            _sectors[_random.Next(_sectors.Length)],
            Distinct(_capabilities, _random.Next(1, 4)),
            budgetMin,
            budgetMax,
            _random.Next(3) == 0 ? DataResidency.CrossBoundaryAllowed : DataResidency.HongKongOnly,
            _pilotMonths[_random.Next(_pilotMonths.Length)],
            Distinct(_schemes, _random.Next(0, 3)),
            Distinct(_text.Kpis, _random.Next(1, 5)),
            data.En,
            data.Zh,
            _text.DataFormats[_random.Next(_text.DataFormats.Count)],
            (AiRiskTier)_random.Next(3),
            contact.Name,
            contact.Email);
    }

    private List<T> Distinct<T>(IReadOnlyList<T> from, int count)
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
