using Marketplace.Contracts.Identity;
using Marketplace.Catalogue.Domain;
using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Text;

namespace Marketplace.Bench.Matching;

/// <summary>One insert batch of vendors with their showcase solutions.</summary>
internal sealed record VendorBatch(List<VendorProfile> Profiles, List<VendorSolution> Solutions);

/// <summary>
/// Deterministic vendor read models as matching's consumers would have built them from the identity and
/// catalogue events: a profile (45% startups, 40% SMEs, 15% large; 95% approved, the rest pending), one to
/// three showcase solutions each (1–4 taxonomy capabilities, 1–2 sectors, names and summaries recombined
/// from the bilingual demo solutions and descriptions, tokens by <see cref="SearchTokens.Index"/> exactly as
/// <c>SolutionPublishedConsumer</c> computes them), then awarded projects (a quarter as many as vendors;
/// 60% completed, 5% cancelled) and published success cases (a tenth as many) spread Zipf-like over the
/// vendors, large ones first, so a few incumbents have many and most vendors none.
/// </summary>
internal sealed class VendorGenerator
{
    public const double ProjectsPerVendor = 0.25;
    public const double SuccessCasesPerVendor = 0.10;

    private static readonly Bilingual[] _brands =
    [
        new("Harbour", "港灣"), new("Jade", "翡翠"), new("Lion Rock", "獅子山"), new("Peak", "山頂"), new("Pearl", "明珠"),
        new("Dragon", "龍騰"), new("Kowloon", "九龍"), new("Victoria", "維多利亞"), new("Bauhinia", "紫荊"), new("Lantau", "大嶼"),
        new("Sai Kung", "西貢"), new("Tai Mo Shan", "大帽山"), new("Star Ferry", "天星"), new("Silvermine", "銀礦"), new("Golden", "金門"),
        new("Azure", "蔚藍"), new("Summit", "峰頂"), new("Nova", "新星"), new("Orchid", "蘭花"), new("Typhoon", "颱風"),
        new("Skyline", "天際"), new("Tramway", "電車"), new("Lotus", "蓮花"), new("Phoenix", "鳳凰"), new("Meridian", "子午"),
        new("Crystal", "水晶"), new("Horizon", "地平線"), new("Beacon", "燈塔"), new("Egret", "白鷺"), new("Banyan", "榕樹"),
        new("Junk Bay", "將軍澳"), new("Tsing Ma", "青馬"), new("Kai Tak", "啟德"), new("Cyberport", "數碼港"), new("Science Park", "科學園"),
        new("Sampan", "舢舨"), new("Red Hill", "紅山"), new("Clearwater", "清水灣"), new("Shek O", "石澳"), new("Tai Tam", "大潭"),
    ];

    private static readonly Bilingual[] _stems =
    [
        new("Vision", "視覺"), new("Language AI", "語言智能"), new("Analytics", "數據分析"), new("Robotics", "機械人"), new("Systems", "系統"),
        new("Technology", "科技"), new("Intelligence", "智能"), new("Data Lab", "數據實驗室"), new("Digital", "數碼"), new("Innovation", "創新"),
        new("Health Analytics", "健康數據分析"), new("Mobility", "智慧出行"), new("Environmental AI", "環境智能"), new("Skyworks", "天空科技"),
    ];

    private readonly Random _random;
    private readonly ZipfPicker<DemoSolution> _solutions;
    private readonly ZipfPicker<Bilingual> _sentences;
    private readonly ZipfPicker<string> _capabilities;
    private readonly string[] _sectors = [.. Taxonomy.Sectors.Keys];

    public VendorGenerator(DemoText text, int seed)
    {
        _random = new Random(seed);
        _solutions = new ZipfPicker<DemoSolution>(text.Solutions, 0.8, _random);
        _sentences = new ZipfPicker<Bilingual>(text.SolutionSentences, 0.8, _random);
        _capabilities = new ZipfPicker<string>(Taxonomy.Capabilities.Keys, 0.7, _random);
    }

    /// <summary>What the projects and success cases, generated after all vendors, need to know of each.</summary>
    private readonly List<(Guid Id, string[] Sectors, double Rank)> _generated = [];

    /// <summary>Profiles and solutions of <paramref name="count"/> vendors, <paramref name="batchSize"/> vendors per batch.</summary>
    public IEnumerable<VendorBatch> Vendors(int count, int batchSize, DateTimeOffset now)
    {
        _generated.Clear();
        for (var start = 0; start < count; start += batchSize)
        {
            var batch = new VendorBatch([], []);
            for (var i = start; i < Math.Min(count, start + batchSize); i++)
            {
                var id = NewId();
                var roll = _random.NextDouble();
                var (size, weight) = roll < 0.45 ? (SizeClass.Startup, 6.0) : roll < 0.85 ? (SizeClass.SME, 3.0) : (SizeClass.Large, 1.0);
                var brand = _brands[_random.Next(_brands.Length)];
                var stem = _stems[_random.Next(_stems.Length)];
                var registered = now.AddDays(-_random.Next(30, 1500));
                var profile = new VendorProfile(id);
                profile.Apply($"{brand.En} {stem.En} Limited", $"{brand.Zh}{stem.Zh}有限公司", size, OrganisationStatus.Pending, registered);
                if (_random.NextDouble() < 0.95)
                {
                    profile.Approved(registered.AddDays(_random.Next(1, 20)));
                }
                batch.Profiles.Add(profile);

                var solutionCount = _random.NextDouble() switch { < 0.50 => 1, < 0.85 => 2, _ => 3 };
                var sectors = new HashSet<string>(StringComparer.Ordinal);
                for (var s = 0; s < solutionCount; s++)
                {
                    var solution = Solution(id, brand, registered.AddDays(_random.Next(20, 400)));
                    sectors.UnionWith(solution.Sectors);
                    batch.Solutions.Add(solution);
                }
                _generated.Add((id, [.. sectors.Order(StringComparer.Ordinal)], _random.NextDouble() * weight));
            }
            yield return batch;
        }
    }

    /// <summary>Awarded projects and success cases of the vendors generated last, Zipf-like over them (large vendors ranked first).</summary>
    public (List<VendorProject> Projects, List<VendorSuccessCase> Cases) TrackRecords(DateTimeOffset now)
    {
        var ranked = _generated.OrderBy(v => v.Rank).ToList();
        var incumbents = new ZipfPicker<(Guid Id, string[] Sectors, double Rank)>(ranked, 1.0, _random, shuffle: false);
        var projects = new List<VendorProject>();
        for (var p = 0; p < (int)(ranked.Count * ProjectsPerVendor); p++)
        {
            var vendor = incumbents.Next();
            var awarded = now.AddDays(-_random.Next(20, 1100));
            var project = new VendorProject(NewId(), vendor.Id, NewId(), Sector(vendor.Sectors), awarded);
            var outcome = _random.NextDouble();
            if (outcome < 0.60)
            {
                project.Completed(awarded.AddDays(_random.Next(90, 540)));
            }
            else if (outcome < 0.65)
            {
                project.Cancelled(awarded.AddDays(_random.Next(1, 10)));
            }
            projects.Add(project);
        }
        var cases = new List<VendorSuccessCase>();
        for (var c = 0; c < (int)(ranked.Count * SuccessCasesPerVendor); c++)
        {
            var vendor = incumbents.Next();
            cases.Add(new VendorSuccessCase(NewId(), vendor.Id, Sector(vendor.Sectors)));
        }
        return (projects, cases);
    }

    /// <summary>Mostly one of the vendor's own sectors.</summary>
    private string Sector(string[] own) =>
        own.Length > 0 && _random.NextDouble() < 0.7 ? own[_random.Next(own.Length)] : _sectors[_random.Next(_sectors.Length)];

    private VendorSolution Solution(Guid vendorId, Bilingual brand, DateTimeOffset publishedAt)
    {
        var demo = _solutions.Next();
        var summary = new List<Bilingual> { _random.NextDouble() < 0.7 ? demo.Summary : _solutions.Next().Summary };
        summary.AddRange(_sentences.NextDistinct(_random.Next(0, 3)));
        var nameEn = $"{brand.En} {demo.Name.En}";
        var nameZh = brand.Zh + demo.Name.Zh;
        var summaryEn = string.Join(' ', summary.Select(s => s.En));
        var summaryZh = string.Concat(summary.Select(s => s.Zh));

        var capabilities = demo.Capabilities.ToList();
        _random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(capabilities));
        if (_random.NextDouble() < 0.35)
        {
            capabilities.Insert(0, _capabilities.Next());
        }
        capabilities = capabilities.Distinct(StringComparer.Ordinal).Take(_random.Next(1, 5)).ToList();
        var sectors = _random.NextDouble() < 0.7 ? demo.Sectors.ToList() : [_sectors[_random.Next(_sectors.Length)]];
        if (_random.NextDouble() < 0.3)
        {
            sectors.Add(_sectors[_random.Next(_sectors.Length)]);
        }
        sectors = sectors.Distinct(StringComparer.Ordinal).Take(_random.Next(1, 3)).ToList();

        var solution = new VendorSolution(NewId(), vendorId);
        // The consumer's own tokenisation (SolutionPublishedConsumer): names and summaries in both languages.
        solution.Apply(capabilities, sectors, SearchTokens.Index(nameEn, nameZh, summaryEn, summaryZh), publishedAt);
        return solution;
    }

    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
