using Marketplace.Catalogue.Domain;
using Marketplace.Contracts.Identity;
using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Data;

/// <summary>
/// The catalogue's part of the demo data (the standalone host reads it from its JSON file): batches
/// from earlier years through the open one, scenarios in every status, questions and answers.
/// </summary>
public sealed record CatalogueSeed(
    IReadOnlyList<CatalogueSeed.SeedDepartment> Departments,
    IReadOnlyList<CatalogueSeed.SeedOrganisation> Organisations,
    IReadOnlyList<CatalogueSeed.SeedBatch> Batches,
    IReadOnlyList<CatalogueSeed.SeedScenario> Scenarios,
    IReadOnlyList<CatalogueSeed.SeedClarification> Clarifications,
    IReadOnlyList<CatalogueSeed.SeedSuccessCase> SuccessCases,
    IReadOnlyList<CatalogueSeed.SeedInterest> ReplicationInterests,
    IReadOnlyList<CatalogueSeed.SeedSolution> Solutions,
    IReadOnlyList<CatalogueSeed.SeedSavedSearch> SavedSearches)
{
    /// <summary>Vendors and chambers, named on success cases and the showcase.</summary>
    public sealed record SeedOrganisation(Guid Id, string Type, string NameEn, string NameZh);

    public sealed record SeedSuccessCase(
        Guid Id, Guid? ScenarioId, Guid DepartmentId, Guid VendorId, string TitleEn, string TitleZh, string SummaryEn, string SummaryZh,
        string OutcomesEn, string OutcomesZh, SmartCityArea Area, string Sector, IReadOnlyList<string> Capabilities, IReadOnlyList<KpiOutcome> Kpis,
        SuccessCaseStatus Status, int? PublishedDaysAgo);

    public sealed record SeedInterest(Guid Id, Guid SuccessCaseId, Guid ChamberId, string Sector, string Note);

    public sealed record SeedSolution(
        Guid Id, Guid VendorId, string NameEn, string NameZh, string SummaryEn, string SummaryZh, string DescriptionEn, string DescriptionZh,
        IReadOnlyList<string> Capabilities, IReadOnlyList<string> Sectors, IReadOnlyList<DeploymentReference> DeploymentReferences);

    /// <summary><paramref name="UserId"/> is the identity service's id of the demo user (resolved by the host from the email).</summary>
    public sealed record SeedSavedSearch(string UserId, string Name, string Query, SmartCityArea? Area, string? Sector, string? Capability, AlertFrequency Frequency);

    public sealed record SeedDepartment(Guid Id, string NameEn, string NameZh);

    public sealed record SeedBatch(string Code, int Year, int Number, string DescriptionEn, string DescriptionZh, BatchStatus Status, int DeadlineDaysFromNow);

    public sealed record SeedScenario(
        Guid Id,
        Guid DepartmentId,
        string Batch,
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
        IReadOnlyList<Kpi> Kpis,
        string DataDescriptionEn,
        string DataDescriptionZh,
        string DataFormat,
        AiRiskTier AiRiskTier,
        string ContactName,
        string ContactEmail,
        ScenarioStatus Status,
        bool Approved = false,
        Guid? AwardedVendorId = null,
        string? ClosureReason = null)
    {
        public ScenarioDetails Details() => new(
            TitleEn, TitleZh, ProblemEn, ProblemZh, ExpectedOutcomesEn, ExpectedOutcomesZh, Area, Sector, Capabilities,
            BudgetMinHkd, BudgetMaxHkd, DataResidency, PilotDurationMonths, TargetSchemes, Kpis, DataDescriptionEn, DataDescriptionZh,
            DataFormat, AiRiskTier, ContactName, ContactEmail);
    }

    public sealed record SeedClarification(
        Guid Id, Guid ScenarioId, Guid AskedByVendorId, string Question, string? AnswerEn, string? AnswerZh, int AskedDaysAgo, int? AnsweredDaysAgo);

    /// <summary>
    /// Seeds an empty catalogue through the domain, replaying each scenario's history at the times it
    /// would have happened, so the events (ScenarioPublished, ScenarioClosed, ...) reach the outbox and
    /// other services build their read models from them. Returns false when the catalogue already has data.
    /// </summary>
    public async Task<bool> ApplyAsync(CatalogueDbContext db, DateTimeOffset now, TimeSpan minimumProposalPeriod, CancellationToken ct)
    {
        if (await db.Scenarios.AnyAsync(ct) || await db.Batches.AnyAsync(ct))
        {
            return false;
        }
        if (!await db.Departments.AnyAsync(ct))
        {
            db.Departments.AddRange(Departments.Select(d => new Department(d.Id, d.NameEn, d.NameZh, now)));
        }
        if (!await db.OrganisationNames.AnyAsync(ct))
        {
            db.OrganisationNames.AddRange(Organisations.Select(o => new OrganisationName(o.Id, Enum.Parse<OrganisationType>(o.Type), o.NameEn, o.NameZh, OrganisationStatus.Approved, now)));
        }

        foreach (var seedBatch in Batches)
        {
            var deadline = now.AddDays(seedBatch.DeadlineDaysFromNow);
            // A published batch was published 30 days before its deadline (or now, for a future one).
            var publishedAt = seedBatch.DeadlineDaysFromNow < 30 ? deadline.AddDays(-30) : now;
            var createdAt = publishedAt.AddDays(-30);
            var batch = Batch.Create(seedBatch.Year, seedBatch.Number, seedBatch.DescriptionEn, seedBatch.DescriptionZh, deadline, createdAt);
            db.Batches.Add(batch);
            var scenarios = Scenarios.Where(s => s.Batch == batch.Code).ToList();
            var created = scenarios.Select(s => (Seed: s, Scenario: Scenario.CreateDraft(s.DepartmentId, s.Details(), createdAt, s.Id))).ToList();
            db.Scenarios.AddRange(created.Select(c => c.Scenario));
            foreach (var (seed, scenario) in created.Where(c => c.Seed.Status != ScenarioStatus.Draft))
            {
                scenario.Submit(batch, createdAt.AddDays(1));
                if (seed.Approved || seed.Status != ScenarioStatus.Submitted)
                {
                    scenario.Approve(createdAt.AddDays(2));
                }
            }
            if (seedBatch.Status != BatchStatus.Published)
            {
                continue;
            }
            var (published, batchPublished) = batch.Publish(
                created.Where(c => c.Scenario.Status == ScenarioStatus.Submitted && c.Scenario.ApprovedAt is not null).Select(c => c.Scenario).ToList(),
                publishedAt, minimumProposalPeriod);
            foreach (var evt in published)
            {
                db.AddEvent(evt, publishedAt);
            }
            db.AddEvent(batchPublished, publishedAt);
            foreach (var (seed, scenario) in created)
            {
                Replay(db, seed, scenario, deadline, now);
            }
        }
        await db.SaveChangesAsync(ct);

        foreach (var seed in Clarifications)
        {
            var scenario = await db.Scenarios.FirstAsync(s => s.Id == seed.ScenarioId, ct);
            var askedAt = now.AddDays(-seed.AskedDaysAgo);
            var clarification = Clarification.Ask(scenario, seed.Question, seed.AskedByVendorId, "demo-vendor", askedAt, TimeSpan.Zero);
            db.Clarifications.Add(clarification);
            if (seed is { AnswerEn: { } en, AnswerZh: { } zh, AnsweredDaysAgo: { } answeredDaysAgo })
            {
                var answeredAt = now.AddDays(-answeredDaysAgo);
                db.AddEvent(clarification.Reply(en, zh, "demo-officer", answeredAt), answeredAt);
            }
        }
        await db.SaveChangesAsync(ct);
        SeedShowcaseAndCases(db, now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private void SeedShowcaseAndCases(CatalogueDbContext db, DateTimeOffset now)
    {
        foreach (var seed in SuccessCases)
        {
            var createdAt = now.AddDays(-(seed.PublishedDaysAgo ?? 0) - 20);
            var successCase = SuccessCase.Draft(seed.DepartmentId, seed.VendorId, seed.ScenarioId, null,
                new SuccessCaseContent(seed.TitleEn, seed.TitleZh, seed.SummaryEn, seed.SummaryZh, seed.OutcomesEn, seed.OutcomesZh,
                    seed.Area, seed.Sector, seed.Capabilities, seed.Kpis), createdAt, seed.Id);
            db.SuccessCases.Add(successCase);
            if (seed.Status == SuccessCaseStatus.Published)
            {
                var publishedAt = now.AddDays(-(seed.PublishedDaysAgo ?? 0));
                successCase.Approve(byDepartment: true, publishedAt.AddDays(-2));
                db.AddEvent(successCase.Approve(byDepartment: false, publishedAt)!, publishedAt);
            }
            else
            {
                successCase.Approve(byDepartment: true, createdAt.AddDays(1));
            }
        }
        foreach (var seed in ReplicationInterests)
        {
            var successCase = db.SuccessCases.Local.First(c => c.Id == seed.SuccessCaseId);
            var (interest, registered) = ReplicationInterest.Register(successCase, seed.ChamberId, "demo-member", seed.Sector, seed.Note, now.AddDays(-3), seed.Id);
            db.ReplicationInterests.Add(interest);
            db.AddEvent(registered, now.AddDays(-3));
        }
        foreach (var seed in Solutions)
        {
            var solution = Solution.Create(seed.VendorId, new SolutionContent(seed.NameEn, seed.NameZh, seed.SummaryEn, seed.SummaryZh,
                seed.DescriptionEn, seed.DescriptionZh, seed.Capabilities, seed.Sectors, seed.DeploymentReferences), now.AddDays(-60), seed.Id);
            db.Solutions.Add(solution);
            db.AddEvent(solution.Publish(now.AddDays(-60)), now.AddDays(-60));
        }
        foreach (var seed in SavedSearches)
        {
            db.SavedSearches.Add(SavedSearch.Create(seed.UserId, seed.Name, seed.Query, seed.Area, seed.Sector, seed.Capability, null, null, seed.Frequency, now));
        }
    }

    /// <summary>The steps after publication, each at a plausible time no later than now.</summary>
    private static void Replay(CatalogueDbContext db, SeedScenario seed, Scenario scenario, DateTimeOffset deadline, DateTimeOffset now)
    {
        DateTimeOffset At(int daysAfterDeadline) => deadline.AddDays(daysAfterDeadline) < now ? deadline.AddDays(daysAfterDeadline) : now;
        if (seed.Status is ScenarioStatus.Published or ScenarioStatus.Draft or ScenarioStatus.Submitted)
        {
            return;
        }
        if (seed.Status == ScenarioStatus.Cancelled)
        {
            var cancelledAt = At(-10);
            db.AddEvent(scenario.Cancel(seed.ClosureReason ?? "Cancelled by the department.", cancelledAt)!, cancelledAt);
            return;
        }
        if (scenario.CloseProposals(At(0)) is { } closed)
        {
            db.AddEvent(closed, At(0));
        }
        switch (seed.Status)
        {
            case ScenarioStatus.Unsuccessful:
                scenario.MarkUnsuccessful(seed.ClosureReason ?? "No proposal met the requirements.", At(30));
                return;
            case ScenarioStatus.ProposalsClosed:
                return;
        }
        // Demo awards are worth the scenario's top budget; the standstill (10 days, as in matching) ends before delivery starts.
        scenario.Award(Guid.NewGuid(), seed.AwardedVendorId ?? Guid.Empty, scenario.BudgetMaxHkd, At(25), At(35));
        if (seed.Status == ScenarioStatus.Awarded)
        {
            return;
        }
        scenario.StartDelivery(At(40));
        if (seed.Status == ScenarioStatus.Completed)
        {
            scenario.Complete(At(220));
        }
    }
}
