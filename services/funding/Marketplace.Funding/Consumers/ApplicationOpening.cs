using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Funding.Consumers;

/// <summary>
/// Opens the application of an awarded project once both the award and its scenario's target
/// schemes are known, whichever event arrived last: under the first target scheme that has a scheme
/// open now (the latest opened, if several). Exactly one per project: an award
/// already holding an application, or cancelled, opens nothing.
/// </summary>
internal static partial class ApplicationOpening
{
    public static Task OpenAsync(FundingDbContext db, AwardedProject project, ILogger logger, DateTimeOffset now, CancellationToken ct) =>
        OpenAllAsync(db, [project], logger, now, ct);

    /// <summary>
    /// The same for many projects (a batch of awards) in three queries whatever their number: their
    /// scenarios, the award applications they already hold, and the schemes their scenarios target.
    /// </summary>
    public static async Task OpenAllAsync(FundingDbContext db, IReadOnlyList<AwardedProject> projects, ILogger logger, DateTimeOffset now, CancellationToken ct)
    {
        var waiting = projects.Where(p => p.AwaitsApplication).DistinctBy(p => p.ProjectId).ToList();
        if (waiting.Count == 0)
        {
            return;
        }
        var scenarioIds = waiting.Select(p => p.ScenarioId).Distinct().ToList();
        // Read untracked (nothing here changes them; tracking a batch's worth only costs the save's change
        // detection), overlaid with those this unit of work stores or changes (a scenario's publication).
        var scenarios = (await db.Scenarios.AsNoTracking().Where(s => scenarioIds.Contains(s.ScenarioId)).ToListAsync(ct))
            .ToDictionary(s => s.ScenarioId);
        foreach (var local in db.Scenarios.Local.Where(s => scenarioIds.Contains(s.ScenarioId)))
        {
            scenarios[local.ScenarioId] = local;
        }
        // Only a project already stored can hold an award application: skip the query for a burst of new awards.
        var stored = waiting.Where(p => db.Entry(p).State != EntityState.Added).Select(p => (Guid?)p.ProjectId).ToList();
        var opened = (stored.Count == 0 ? [] : await db.Applications.Where(a => stored.Contains(a.ProjectId) && a.Origin == ApplicationOrigin.Award)
                .Select(a => a.ProjectId!.Value).ToListAsync(ct))
            .Concat(db.Applications.Local.Where(a => a.Origin == ApplicationOrigin.Award && a.ProjectId is not null).Select(a => a.ProjectId!.Value))
            .ToHashSet();
        var codes = scenarios.Values.SelectMany(s => s.TargetSchemes).Distinct().ToList();
        var candidates = codes.Count == 0 ? [] : await db.Schemes.AsNoTracking().Where(s => codes.Contains(s.Code)).ToListAsync(ct);
        foreach (var project in waiting)
        {
            if (!scenarios.TryGetValue(project.ScenarioId, out var scenario))
            {
                LogScenarioUnknown(logger, project.ProjectId, project.ScenarioId);
                continue;
            }
            if (opened.Contains(project.ProjectId))
            {
                continue;
            }
            var scheme = scenario.TargetSchemes
                .Select(code => candidates.Where(s => s.Code == code && s.IsOpenAt(now)).OrderByDescending(s => s.OpensAt).ThenBy(s => s.Id).FirstOrDefault())
                .FirstOrDefault(s => s is not null);
            if (scheme is null)
            {
                LogNoOpenScheme(logger, project.ProjectId, scenario.TargetSchemes);
                continue;
            }
            db.Applications.Add(FundingApplication.FromAward(ApplicationId(project.ProjectId), scheme, project, scenario, now));
            opened.Add(project.ProjectId);
        }
    }

    /// <summary>Derived from the project, so two racing openings collide on the key instead of creating two.</summary>
    public static Guid ApplicationId(Guid projectId)
    {
        var bytes = projectId.ToByteArray();
        bytes[0] ^= 0x5A;
        bytes[15] ^= 0xA5;
        return new Guid(bytes);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {ProjectId} awarded before funding knows scenario {ScenarioId}; its application opens when the scenario's publication arrives")]
    private static partial void LogScenarioUnknown(ILogger logger, Guid projectId, Guid scenarioId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {ProjectId}: no scheme of its scenario's targets ({Schemes}) is open; no application is opened")]
    private static partial void LogNoOpenScheme(ILogger logger, Guid projectId, IReadOnlyList<string> schemes);
}
