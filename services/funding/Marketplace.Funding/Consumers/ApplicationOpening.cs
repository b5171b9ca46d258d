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
    public static async Task OpenAsync(FundingDbContext db, AwardedProject project, ILogger logger, DateTimeOffset now, CancellationToken ct)
    {
        if (!project.AwaitsApplication)
        {
            return;
        }
        var scenario = await db.Scenarios.FirstOrDefaultAsync(s => s.ScenarioId == project.ScenarioId, ct)
            ?? db.Scenarios.Local.FirstOrDefault(s => s.ScenarioId == project.ScenarioId);
        if (scenario is null)
        {
            LogScenarioUnknown(logger, project.ProjectId, project.ScenarioId);
            return;
        }
        if (await db.Applications.AnyAsync(a => a.ProjectId == project.ProjectId && a.Origin == ApplicationOrigin.Award, ct))
        {
            return;
        }
        var candidates = await db.Schemes.Where(s => scenario.TargetSchemes.Contains(s.Code)).ToListAsync(ct);
        var scheme = scenario.TargetSchemes
            .Select(code => candidates.Where(s => s.Code == code && s.IsOpenAt(now)).OrderByDescending(s => s.OpensAt).ThenBy(s => s.Id).FirstOrDefault())
            .FirstOrDefault(s => s is not null);
        if (scheme is null)
        {
            LogNoOpenScheme(logger, project.ProjectId, scenario.TargetSchemes);
            return;
        }
        db.Applications.Add(FundingApplication.FromAward(ApplicationId(project.ProjectId), scheme, project, scenario, now));
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
