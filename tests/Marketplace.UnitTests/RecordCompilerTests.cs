using System.Text.Json.Nodes;
using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Funding;
using Marketplace.Contracts.Matching;
using Marketplace.OpenData;
using Marketplace.OpenData.Ocds;

namespace Marketplace.UnitTests;

public sealed class RecordCompilerTests
{
    private static readonly DateTimeOffset Published = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Scenario = Guid.Parse("5a1c0000-0000-0000-0000-000000000001");
    private static readonly Guid Project = Guid.Parse("5a1c0000-0000-0000-0000-000000000002");
    private static readonly Guid Vendor = Guid.Parse("5a1c0000-0000-0000-0000-000000000003");
    private static readonly Guid Department = Guid.Parse("5a1c0000-0000-0000-0000-000000000004");

    private static List<JsonObject> Releases()
    {
        var options = new OpenDataOptions();
        var drafts = new[]
        {
            ReleaseBuilder.Published(new ScenarioPublished(Scenario, Department, null, "Bus arrivals", "巴士到站", "Estimates drift.", "預測偏差。", "Mobility",
                "transport", ["forecasting"], 800_000m, 2_500_000m, "HongKongOnly", [], Published.AddDays(30), Published), null),
            ReleaseBuilder.Amended(new ScenarioAmended(Scenario, Department, 1, "Budget raised", "預算上調", ["budgetMaxHkd"], "Bus arrivals", "巴士到站",
                ["forecasting"], 800_000m, 3_000_000m, Published.AddDays(30), Published.AddDays(2))),
            ReleaseBuilder.Awarded(new ProjectAwarded(Project, Scenario, Department, Vendor, Guid.NewGuid(), "", 2_000_000m, 12, [], Published.AddDays(40),
                Published.AddDays(50)), null, null),
            ReleaseBuilder.AwardWithdrawn(new AwardCancelled(Project, Scenario, "Challenge upheld", Published.AddDays(45))),
            ReleaseBuilder.MilestoneMet(new MilestoneAccepted(Guid.NewGuid(), Guid.Parse("5a1c0000-0000-0000-0000-0000000000a1"), Vendor, Project, 1, 2, 100m,
                Published.AddDays(60)), Project),
            ReleaseBuilder.MilestoneMet(new MilestoneAccepted(Guid.NewGuid(), Guid.Parse("5a1c0000-0000-0000-0000-0000000000a2"), Vendor, Project, 2, 2, 100m,
                Published.AddDays(70)), Project),
        };
        return [.. drafts.Select(d => Stamp(options.Ocid(Scenario), d))];
    }

    private static JsonObject Stamp(string ocid, ReleaseDraft draft)
    {
        var release = new JsonObject { ["ocid"] = ocid, ["id"] = ocid + "-" + draft.Key, ["date"] = draft.Date, ["tag"] = new JsonArray([.. draft.Tags.Select(t => (JsonNode)t)]) };
        foreach (var (name, value) in draft.Body)
        {
            release[name] = value?.DeepClone();
        }
        return release;
    }

    [Fact]
    public void Releases_in_any_order_compile_to_the_same_record()
    {
        var inOrder = RecordCompiler.Compile(Releases()).ToJsonString();
        var reversed = Releases();
        reversed.Reverse();
        var shuffled = Releases().OrderBy(r => r["id"]!.GetValue<string>().GetHashCode(StringComparison.Ordinal)).ToList();

        Assert.Equal(inOrder, RecordCompiler.Compile(reversed).ToJsonString());
        Assert.Equal(inOrder, RecordCompiler.Compile(shuffled).ToJsonString());
    }

    [Fact]
    public void The_compiled_release_holds_the_latest_value_of_each_field_and_every_identified_item()
    {
        var compiled = RecordCompiler.Compile(Releases());

        Assert.Equal(3_000_000m, compiled["tender"]!["value"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("Bus arrivals", compiled["tender"]!["title"]!.GetValue<string>());
        var award = Assert.Single(compiled["awards"]!.AsArray());
        // The cancellation is later than the award: the award stays cancelled, with the value it was made at.
        Assert.Equal("cancelled", award!["status"]!.GetValue<string>());
        Assert.Equal(2_000_000m, award["value"]!["amount"]!.GetValue<decimal>());
        var milestones = Assert.Single(compiled["contracts"]!.AsArray())!["implementation"]!["milestones"]!.AsArray();
        Assert.Equal(2, milestones.Count);
        Assert.Equal(["compiled"], compiled["tag"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("ocds-hkaism-" + Scenario + "-compiled", compiled["id"]!.GetValue<string>());
    }
}
