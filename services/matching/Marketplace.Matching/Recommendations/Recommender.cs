using Marketplace.Contracts.Identity;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Matching.Recommendations;

/// <summary>What the recommender knows about a vendor: showcase capabilities and sectors, solution text, track record, size.</summary>
public sealed record VendorCandidate(
    Guid Id,
    string NameEn,
    string NameZh,
    SizeClass? SizeClass,
    IReadOnlySet<string> Capabilities,
    IReadOnlySet<string> Sectors,
    IReadOnlySet<string> Tokens,
    IReadOnlyDictionary<string, int> CompletedBySector,
    int Awards,
    int Completed,
    int SuccessCases);

/// <summary>What the recommender knows about an open scenario.</summary>
public sealed record ScenarioCandidate(
    Guid Id,
    Guid DepartmentId,
    string TitleEn,
    string TitleZh,
    string Sector,
    IReadOnlyList<string> Capabilities,
    IReadOnlySet<string> Tokens,
    DateTimeOffset? ProposalDeadline);

/// <summary>One score component, in points, with its human-readable explanation in both languages.</summary>
public sealed record ScoreReason(string Code, int Points, string En, string Zh);

public sealed record Recommendation(Guid ScenarioId, Guid VendorId, int Score, IReadOnlyList<ScoreReason> Reasons)
{
    public bool IsStrong => Score >= Recommender.StrongMatch;
}

/// <summary>
/// The explainable, deterministic match score (0–100) of a vendor for a scenario: capability
/// coverage 40, solutions in the sector 10, text similarity 15 (both languages' tokens), experience
/// 20 (completed projects in the sector up to 10, overall record up to 10, so an incumbent's long
/// record cannot outweigh fit), and a fairness term 15 that keeps startups and SMEs in view
/// (startup 15, SME 10, large 0). Every component that scores explains itself.
/// </summary>
public static class Recommender
{
    public const int StrongMatch = 70;

    public static Recommendation Score(ScenarioCandidate scenario, VendorCandidate vendor)
    {
        var reasons = new List<ScoreReason>();

        var required = scenario.Capabilities.Distinct(StringComparer.Ordinal).ToList();
        var covered = required.Count(vendor.Capabilities.Contains);
        if (required.Count > 0)
        {
            var points = (int)Math.Round(40.0 * covered / required.Count);
            reasons.Add(new ScoreReason("capabilities", points,
                $"covers {covered} of {required.Count} required capabilities",
                $"涵蓋 {required.Count} 項所需能力中的 {covered} 項"));
        }

        if (vendor.Sectors.Contains(scenario.Sector))
        {
            reasons.Add(new ScoreReason("sector-solutions", 10, $"offers solutions for {scenario.Sector}", $"提供 {scenario.Sector} 方案"));
        }

        var shared = scenario.Tokens.Where(vendor.Tokens.Contains).OrderBy(t => t, StringComparer.Ordinal).ToList();
        if (shared.Count > 0 && scenario.Tokens.Count > 0 && vendor.Tokens.Count > 0)
        {
            var cosine = shared.Count / Math.Sqrt(scenario.Tokens.Count * (double)vendor.Tokens.Count);
            var points = (int)Math.Round(15 * Math.Min(1.0, cosine * 3));
            if (points > 0)
            {
                var examples = string.Join(", ", shared.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).Take(4));
                reasons.Add(new ScoreReason("text", points, $"its solutions speak of {examples}", $"其方案提及：{examples}"));
            }
        }

        // Experience is worth at most 20 together, so an incumbent's long record cannot outweigh fit.
        var completedHere = vendor.CompletedBySector.GetValueOrDefault(scenario.Sector);
        if (completedHere > 0)
        {
            reasons.Add(new ScoreReason("sector-projects", 5 * Math.Min(completedHere, 2),
                $"{completedHere} completed {scenario.Sector} project{(completedHere == 1 ? "" : "s")}",
                $"已完成 {completedHere} 個 {scenario.Sector} 項目"));
        }
        var record = vendor.Completed * 2 + vendor.SuccessCases * 2 + vendor.Awards;
        if (record > 0)
        {
            var points = (int)Math.Round(10 * Math.Min(1.0, record / 8.0));
            reasons.Add(new ScoreReason("track-record", points,
                $"{vendor.Awards} award{(vendor.Awards == 1 ? "" : "s")}, {vendor.Completed} completed, {vendor.SuccessCases} published success case{(vendor.SuccessCases == 1 ? "" : "s")}",
                $"{vendor.Awards} 次獲判授、{vendor.Completed} 個已完成項目、{vendor.SuccessCases} 個已發布成功個案"));
        }

        switch (vendor.SizeClass)
        {
            case SizeClass.Startup:
                reasons.Add(new ScoreReason("fairness", 15, "startup", "初創企業"));
                break;
            case SizeClass.SME:
                reasons.Add(new ScoreReason("fairness", 10, "SME", "中小企"));
                break;
        }

        var score = Math.Clamp(reasons.Sum(r => r.Points), 0, 100);
        return new Recommendation(scenario.Id, vendor.Id, score, reasons.Where(r => r.Points > 0).ToList());
    }

    /// <summary>The best vendors for a scenario, highest score first, ties broken by id so the order never changes between calls.</summary>
    public static IReadOnlyList<Recommendation> VendorsFor(ScenarioCandidate scenario, IEnumerable<VendorCandidate> vendors, int top)
    {
        var fit = Prepare(scenario);
        return vendors.Select(v => (Vendor: v, Points: Points(fit, v))).Where(x => x.Points.Relevant)
            .OrderByDescending(x => x.Points.Score).ThenBy(x => x.Vendor.Id).Take(top)
            .Select(x => Score(scenario, x.Vendor)).ToList();
    }

    public static IReadOnlyList<Recommendation> ScenariosFor(VendorCandidate vendor, IEnumerable<ScenarioCandidate> scenarios, int top) =>
        scenarios.Select(s => (Scenario: s, Points: Points(Prepare(s), vendor))).Where(x => x.Points.Relevant)
            .OrderByDescending(x => x.Points.Score).ThenBy(x => x.Scenario.Id).Take(top)
            .Select(x => Score(x.Scenario, vendor)).ToList();

    /// <summary>The vendors whose score for the scenario is at least <see cref="StrongMatch"/>, with their reasons.</summary>
    public static IEnumerable<Recommendation> StrongVendorsFor(ScenarioCandidate scenario, IEnumerable<VendorCandidate> vendors)
    {
        var fit = Prepare(scenario);
        return vendors.Where(v => Points(fit, v) is { Relevant: true, Score: >= StrongMatch }).Select(v => Score(scenario, v));
    }

    /// <summary>What of a scenario the score needs, computed once for scoring it against many vendors.</summary>
    public sealed record ScenarioFit(ScenarioCandidate Scenario, string[] Required);

    public static ScenarioFit Prepare(ScenarioCandidate scenario) => new(scenario, scenario.Capabilities.Distinct(StringComparer.Ordinal).ToArray());

    /// <summary>
    /// The score and relevance of <see cref="Score"/> without its reasons' texts: the same arithmetic,
    /// no strings or lists, so ranking every vendor costs lookups, and only the top few get explained.
    /// </summary>
    public static (int Score, bool Relevant) Points(ScenarioFit fit, VendorCandidate vendor)
    {
        var scenario = fit.Scenario;
        var points = 0;
        var relevant = false;
        if (fit.Required.Length > 0)
        {
            var covered = 0;
            foreach (var capability in fit.Required)
            {
                covered += vendor.Capabilities.Contains(capability) ? 1 : 0;
            }
            var capabilityPoints = (int)Math.Round(40.0 * covered / fit.Required.Length);
            points += capabilityPoints;
            relevant |= capabilityPoints > 0;
        }
        if (vendor.Sectors.Contains(scenario.Sector))
        {
            points += 10;
            relevant = true;
        }
        if (scenario.Tokens.Count > 0 && vendor.Tokens.Count > 0)
        {
            var (small, large) = scenario.Tokens.Count <= vendor.Tokens.Count ? (scenario.Tokens, vendor.Tokens) : (vendor.Tokens, scenario.Tokens);
            var shared = 0;
            foreach (var token in small)
            {
                shared += large.Contains(token) ? 1 : 0;
            }
            if (shared > 0)
            {
                var cosine = shared / Math.Sqrt(scenario.Tokens.Count * (double)vendor.Tokens.Count);
                var textPoints = (int)Math.Round(15 * Math.Min(1.0, cosine * 3));
                points += textPoints;
                relevant |= textPoints > 0;
            }
        }
        var completedHere = vendor.CompletedBySector.GetValueOrDefault(scenario.Sector);
        if (completedHere > 0)
        {
            points += 5 * Math.Min(completedHere, 2);
            relevant = true;
        }
        var record = vendor.Completed * 2 + vendor.SuccessCases * 2 + vendor.Awards;
        if (record > 0)
        {
            points += (int)Math.Round(10 * Math.Min(1.0, record / 8.0));
        }
        points += vendor.SizeClass switch
        {
            SizeClass.Startup => 15,
            SizeClass.SME => 10,
            _ => 0,
        };
        return (Math.Clamp(points, 0, 100), relevant);
    }

    /// <summary>Size and track record alone never make a match: something about the work itself must fit.</summary>
    public static bool IsRelevant(Recommendation r) =>
        r.Reasons.Any(x => x.Code is "capabilities" or "text" or "sector-projects" or "sector-solutions");

    public static string Explain(Recommendation recommendation) =>
        string.Join("; ", recommendation.Reasons.Select(r => new LocalizedText(r.En, r.Zh).Current));
}
