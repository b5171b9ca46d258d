using Marketplace.Contracts.Identity;
using Marketplace.Matching.Recommendations;

namespace Marketplace.UnitTests;

public sealed class RecommenderTests
{
    private static readonly ScenarioCandidate Triage = new(Guid.NewGuid(), Guid.NewGuid(), "A&E triage", "急症室分流", "healthcare",
        ["computer-vision", "forecasting", "nlp", "optimisation"], new HashSet<string>(["triage", "waiting", "急症", "分流"]), null);

    private static VendorCandidate Vendor(string size, string[] capabilities, string[] sectors, string[] tokens, int completedHealthcare = 0, int awards = 0, int cases = 0) =>
        new(Guid.NewGuid(), size + " vendor", "供應商", Enum.Parse<SizeClass>(size), capabilities.ToHashSet(), sectors.ToHashSet(), tokens.ToHashSet(),
            new Dictionary<string, int> { ["healthcare"] = completedHealthcare }, awards, completedHealthcare, cases);

    [Fact]
    public void A_score_explains_itself_component_by_component()
    {
        var vendor = Vendor("SME", ["computer-vision", "forecasting", "nlp"], ["healthcare"], ["triage", "急症"], completedHealthcare: 2, awards: 2);

        var recommendation = Recommender.Score(Triage, vendor);

        var reasons = recommendation.Reasons.ToDictionary(r => r.Code);
        Assert.Equal("covers 3 of 4 required capabilities", reasons["capabilities"].En);
        Assert.Equal(30, reasons["capabilities"].Points);
        Assert.Equal("2 completed healthcare projects", reasons["sector-projects"].En);
        Assert.Equal("SME", reasons["fairness"].En);
        Assert.Equal("中小企", reasons["fairness"].Zh);
        Assert.Contains("急症", reasons["text"].En);
        Assert.Equal(recommendation.Score, recommendation.Reasons.Sum(r => r.Points));
        Assert.True(recommendation.IsStrong);
    }

    [Fact]
    public void A_capable_startup_is_not_crowded_out_by_an_incumbent_with_a_long_record()
    {
        var startup = Vendor("Startup", ["computer-vision", "forecasting", "nlp", "optimisation"], ["healthcare"], ["triage"]);
        var incumbent = Vendor("Large", ["computer-vision", "forecasting", "nlp"], ["healthcare"], ["triage"], completedHealthcare: 5, awards: 9, cases: 4);

        var ranked = Recommender.VendorsFor(Triage, [incumbent, startup], 10);

        Assert.Equal(startup.Id, ranked[0].VendorId);
        // The record is capped: five more projects cannot outweigh one missing capability and the fairness term.
        Assert.Equal(10, Recommender.Score(Triage, incumbent).Reasons.Single(r => r.Code == "track-record").Points);
    }

    [Fact]
    public void Size_or_record_alone_is_no_match_and_the_ranking_never_changes_between_calls()
    {
        var unrelated = Vendor("Startup", ["robotics"], ["logistics"], ["forklift"], awards: 3);
        Assert.Empty(Recommender.VendorsFor(Triage, [unrelated], 10));

        var a = Vendor("SME", ["forecasting"], [], []);
        var b = a with { Id = Guid.NewGuid() };
        var first = Recommender.VendorsFor(Triage, [a, b], 10).Select(r => r.VendorId).ToList();
        var second = Recommender.VendorsFor(Triage, [b, a], 10).Select(r => r.VendorId).ToList();
        Assert.Equal(first, second);
        Assert.Equal(new[] { a.Id, b.Id }.Order(), first);
    }

    [Fact]
    public void The_fast_ranking_score_equals_the_explained_score_for_every_kind_of_vendor()
    {
        // The ranking scores everyone with Points and explains only the top few with Score: they must never disagree.
        var random = new Random(2026);
        string[] capabilities = ["computer-vision", "forecasting", "nlp", "optimisation", "speech", "robotics"];
        string[] sectors = ["healthcare", "transport", "education", "finance"];
        string[] words = ["triage", "waiting", "急症", "分流", "bus", "arrival", "forklift", "ledger", "輪候", "時間"];
        string[] Pick(string[] from, int max) => from.Where(_ => random.Next(max + 1) == 0).ToArray();
        for (var i = 0; i < 2_000; i++)
        {
            var scenario = new ScenarioCandidate(Guid.NewGuid(), Guid.NewGuid(), "t", "題", sectors[random.Next(sectors.Length)],
                [.. Pick(capabilities, 2), .. Pick(capabilities, 4)], Pick(words, 2).ToHashSet(), null);
            var vendor = new VendorCandidate(Guid.NewGuid(), "v", "商", new[] { SizeClass.Startup, SizeClass.SME, SizeClass.Large }[random.Next(3)], Pick(capabilities, 2).ToHashSet(),
                Pick(sectors, 3).ToHashSet(), Pick(words, 3).ToHashSet(), new Dictionary<string, int> { [sectors[random.Next(sectors.Length)]] = random.Next(4) },
                random.Next(6), random.Next(4), random.Next(3));

            var explained = Recommender.Score(scenario, vendor);
            var (score, relevant) = Recommender.Points(Recommender.Prepare(scenario), vendor);

            Assert.Equal(explained.Score, score);
            Assert.Equal(Recommender.IsRelevant(explained), relevant);
        }
    }
}
