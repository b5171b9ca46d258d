using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Data;

/// <summary>The catalogue's part of the demo data (the standalone host reads it from its JSON file).</summary>
public sealed record CatalogueSeed(IReadOnlyList<CatalogueSeed.SeedDepartment> Departments, IReadOnlyList<CatalogueSeed.SeedScenario> Scenarios)
{
    public sealed record SeedDepartment(Guid Id, string NameEn, string NameZh);

    public sealed record SeedScenario(
        Guid Id,
        Guid DepartmentId,
        string TitleEn,
        string TitleZh,
        string ProblemEn,
        string ProblemZh,
        string ExpectedOutcomesEn,
        string ExpectedOutcomesZh,
        SmartCityArea Area,
        string Sector,
        IReadOnlyList<string> Capabilities,
        decimal BudgetMinHkd,
        decimal BudgetMaxHkd,
        DataResidency DataResidency,
        int PilotDurationMonths,
        IReadOnlyList<string> TargetSchemes,
        int DeadlineDaysFromNow,
        ScenarioStatus Status);

    /// <summary>
    /// Seeds an empty catalogue through the domain, so published scenarios also put their
    /// ScenarioPublished events in the outbox and other services build their read models from them.
    /// Returns false when the catalogue already holds data (seeding happens on first start only).
    /// </summary>
    public async Task<bool> ApplyAsync(CatalogueDbContext db, DateTimeOffset now, TimeSpan minimumProposalPeriod, CancellationToken ct)
    {
        if (await db.Scenarios.AnyAsync(ct) || await db.Departments.AnyAsync(ct))
        {
            return false;
        }

        db.Departments.AddRange(Departments.Select(d => new Department(d.Id, d.NameEn, d.NameZh, now)));
        foreach (var s in Scenarios)
        {
            var details = new ScenarioDetails(
                s.TitleEn, s.TitleZh, s.ProblemEn, s.ProblemZh, s.ExpectedOutcomesEn, s.ExpectedOutcomesZh,
                s.Area, s.Sector, s.Capabilities, s.BudgetMinHkd, s.BudgetMaxHkd, s.DataResidency,
                s.PilotDurationMonths, s.TargetSchemes);
            var scenario = Scenario.CreateDraft(s.DepartmentId, details, now, s.Id);
            db.Scenarios.Add(scenario);
            if (s.Status == ScenarioStatus.Published)
            {
                db.AddEvent(scenario.Publish(now.AddDays(s.DeadlineDaysFromNow), now, minimumProposalPeriod), now);
            }
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
