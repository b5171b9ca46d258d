using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Matching;
using Marketplace.OpenData;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.OpenData.Ocds;

namespace Marketplace.Bench.OpenData;

/// <summary>
/// Fills the release store directly, in bulk: per scenario the releases its life produces up to the award (tender,
/// tender update at the deadline, bid statistics at opening, award), built by the service's own ReleaseBuilder and
/// ReleaseLog, so they are the releases the consumers would store.
/// </summary>
public static class Seeder
{
    private const int Chunk = 5_000;

    private static readonly string[] s_areas = ["Mobility", "Living", "Environment", "People", "Government", "Economy"];
    private static readonly string[] s_sectors = ["transport", "healthcare", "environment", "education", "logistics", "finance"];

    public static async Task<int> SeedAsync(Func<OpenDataDbContext> factory, OpenDataOptions options, int scenarios, DateTimeOffset start)
    {
        var random = new Random(15);
        var departments = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToArray();
        var stored = 0;
        for (var first = 0; first < scenarios; first += Chunk)
        {
            await using var db = factory();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = first; i < Math.Min(scenarios, first + Chunk); i++)
            {
                var scenario = Guid.NewGuid();
                var department = departments[random.Next(departments.Length)];
                var published = start.AddMinutes(i * 5);
                var deadline = published.AddDays(30);
                var m = new ScenarioPublished(scenario, department, null, $"Scenario {i}: forecasting demand at kerbside loading bays", $"情境 {i}：路邊上落貨區需求預測",
                    "Loading bays are full at peak hours while nearby streets are congested.", "繁忙時間上落貨區爆滿，附近街道擠塞。",
                    s_areas[random.Next(s_areas.Length)], s_sectors[random.Next(s_sectors.Length)], ["forecasting", "computer-vision"],
                    500_000m, 2_000_000m, "HongKongOnly", ["PSTS"], deadline, published);
                var index = new ScenarioIndex(scenario, department);
                index.Published(department, null, published.Year, m.TitleEn, m.TitleZh, m.Area, m.Sector, published);
                db.Scenarios.Add(index);
                var proposals = random.Next(0, 12);
                var drafts = new List<ReleaseDraft>
                {
                    ReleaseBuilder.Published(m, null),
                    ReleaseBuilder.Closed(new ScenarioClosed(scenario, department, ScenarioClosureKind.DeadlinePassed, "", deadline)),
                    ReleaseBuilder.Opened(new ProposalsOpened(scenario, department, proposals, proposals, deadline.AddHours(1), proposals / 3, proposals / 2)),
                };
                if (proposals > 0)
                {
                    drafts.Add(ReleaseBuilder.Awarded(new ProjectAwarded(Guid.NewGuid(), scenario, department, Guid.NewGuid(), Guid.NewGuid(), "Summary",
                        1_000_000m + random.Next(0, 1_000_000), 12, [], deadline.AddDays(20), deadline.AddDays(30)), null, null));
                }
                foreach (var draft in drafts)
                {
                    db.Releases.Add(ReleaseLog.Build(options, scenario, draft, draft.Date));
                    stored++;
                }
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            if ((first / Chunk) % 4 == 0)
            {
                Console.Error.Write($"\r  seeded {Math.Min(scenarios, first + Chunk):N0} scenarios");
            }
        }
        Console.Error.WriteLine();
        return stored;
    }
}
