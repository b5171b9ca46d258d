using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.OpenData.Statistics;

/// <summary>Keeps each scenario's public facts current as its events arrive, in whatever order they come.</summary>
public static class ScenarioFacts
{
    /// <summary>The scenario's index, created under <paramref name="departmentId"/> when an event overtakes its publication.</summary>
    public static async Task<ScenarioIndex> IndexAsync(OpenDataDbContext db, Guid scenarioId, Guid departmentId, CancellationToken ct)
    {
        var index = await db.Scenarios.FindAsync([scenarioId], ct);
        if (index is null)
        {
            // The publication fills in the rest (department included, when this event did not name it).
            index = new ScenarioIndex(scenarioId, departmentId);
            db.Scenarios.Add(index);
        }
        return index;
    }

    /// <summary>Which award stands after a project's award or cancellation: the latest of the scenario's uncancelled ones.</summary>
    public static async Task RefreshAwardAsync(OpenDataDbContext db, ScenarioIndex index, CancellationToken ct)
    {
        var saved = await db.Projects.Where(p => p.ScenarioId == index.ScenarioId).ToListAsync(ct);
        var standing = saved.Concat(db.Projects.Local.Where(p => p.ScenarioId == index.ScenarioId)).Distinct()
            .Where(p => p.Stands).Select(p => p.AwardedAt).Max();
        index.AwardStanding(standing);
    }
}
