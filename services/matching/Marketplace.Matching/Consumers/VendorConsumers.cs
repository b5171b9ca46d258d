using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Funding;
using Marketplace.Contracts.Identity;
using Marketplace.Contracts.Matching;
using Marketplace.Matching.Data;
using Marketplace.Matching.Domain;
using Marketplace.Matching.Notifications;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Matching.Consumers;

/// <summary>Vendors become candidates from the identity service's events (newest change wins).</summary>
public sealed class VendorRegisteredConsumer(MatchingDbContext db, TimeProvider time, ILogger<VendorRegisteredConsumer> logger)
    : IdempotentConsumer<OrganisationRegistered, MatchingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(OrganisationRegistered m, ConsumeContext<OrganisationRegistered> context)
    {
        if (m.Type == OrganisationType.Vendor)
        {
            (await VendorFacts.ProfileAsync(Db, m.OrganisationId, context.CancellationToken)).Apply(m.NameEn, m.NameZh, m.SizeClass, m.Status, m.RegisteredAt);
        }
    }
}

public sealed class VendorChangedConsumer(MatchingDbContext db, TimeProvider time, ILogger<VendorChangedConsumer> logger)
    : IdempotentConsumer<OrganisationChanged, MatchingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(OrganisationChanged m, ConsumeContext<OrganisationChanged> context)
    {
        if (m.Type == OrganisationType.Vendor)
        {
            (await VendorFacts.ProfileAsync(Db, m.OrganisationId, context.CancellationToken)).Apply(m.NameEn, m.NameZh, m.SizeClass, m.Status, m.ChangedAt);
        }
    }
}

public sealed class VendorApprovedConsumer(MatchingDbContext db, TimeProvider time, ILogger<VendorApprovedConsumer> logger)
    : IdempotentConsumer<OrganisationApproved, MatchingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(OrganisationApproved m, ConsumeContext<OrganisationApproved> context)
    {
        if (m.Type == OrganisationType.Vendor)
        {
            (await VendorFacts.ProfileAsync(Db, m.OrganisationId, context.CancellationToken)).Approved(m.ApprovedAt);
        }
    }
}

public sealed class SolutionPublishedConsumer(MatchingDbContext db, TimeProvider time, ILogger<SolutionPublishedConsumer> logger)
    : IdempotentConsumer<SolutionPublished, MatchingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(SolutionPublished m, ConsumeContext<SolutionPublished> context)
    {
        var solution = await Db.VendorSolutions.FirstOrDefaultAsync(s => s.SolutionId == m.SolutionId, context.CancellationToken);
        if (solution is null)
        {
            solution = new VendorSolution(m.SolutionId, m.VendorOrganisationId);
            Db.VendorSolutions.Add(solution);
        }
        solution.Apply(m.Capabilities, m.Sectors, SearchTokens.Index(m.NameEn, m.NameZh, m.SummaryEn, m.SummaryZh), m.PublishedAt);
        // The vendor may now fit open scenarios it did not fit before.
        (await VendorFacts.ProfileAsync(Db, m.VendorOrganisationId, context.CancellationToken)).SolutionsChanged();
    }
}

public sealed class ProjectAwardedConsumer(MatchingDbContext db, TimeProvider time, ILogger<ProjectAwardedConsumer> logger)
    : IdempotentConsumer<ProjectAwarded, MatchingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ProjectAwarded m, ConsumeContext<ProjectAwarded> context) =>
        await VendorFacts.ProjectAsync(Db, m.ProjectId, m.VendorOrganisationId, m.ScenarioId, m.AwardedAt, context.CancellationToken);
}

/// <summary>A cancelled award no longer counts to the vendor's record. Its award not seen yet: fails (retried, then the error queue) rather than dropped.</summary>
public sealed partial class AwardCancelledConsumer(MatchingDbContext db, TimeProvider time, ILogger<AwardCancelledConsumer> logger)
    : IdempotentConsumer<AwardCancelled, MatchingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(AwardCancelled m, ConsumeContext<AwardCancelled> context)
    {
        var project = await Db.VendorProjects.FirstOrDefaultAsync(p => p.ProjectId == m.ProjectId, context.CancellationToken);
        if (project is null)
        {
            LogUnknownProject(Logger, m.ProjectId, m.ScenarioId);
            throw new InvalidOperationException($"AwardCancelled {m.ProjectId} arrived before its ProjectAwarded.");
        }
        project.Cancelled(m.CancelledAt);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "AwardCancelled {ProjectId} of scenario {ScenarioId} arrived before its ProjectAwarded; failing it so it is retried or kept in the error queue")]
    private static partial void LogUnknownProject(ILogger logger, Guid projectId, Guid scenarioId);
}

public sealed class ProjectCompletedConsumer(MatchingDbContext db, TimeProvider time, ILogger<ProjectCompletedConsumer> logger)
    : IdempotentConsumer<ProjectCompleted, MatchingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ProjectCompleted m, ConsumeContext<ProjectCompleted> context) =>
        (await VendorFacts.ProjectAsync(Db, m.ProjectId, m.VendorOrganisationId, m.ScenarioId, m.CompletedAt, context.CancellationToken)).Completed(m.CompletedAt);
}

public sealed class SuccessCasePublishedConsumer(MatchingDbContext db, TimeProvider time, ILogger<SuccessCasePublishedConsumer> logger)
    : IdempotentConsumer<SuccessCasePublished, MatchingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(SuccessCasePublished m, ConsumeContext<SuccessCasePublished> context)
    {
        if (!await Db.VendorSuccessCases.AnyAsync(c => c.Id == m.SuccessCaseId, context.CancellationToken))
        {
            Db.VendorSuccessCases.Add(new VendorSuccessCase(m.SuccessCaseId, m.VendorOrganisationId, m.Sector));
        }
    }
}

public sealed class ScenarioAmendedConsumer(MatchingDbContext db, TimeProvider time, ILogger<ScenarioAmendedConsumer> logger)
    : IdempotentConsumer<ScenarioAmended, MatchingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ScenarioAmended m, ConsumeContext<ScenarioAmended> context)
    {
        var scenario = await Db.OpenScenarios.FirstOrDefaultAsync(s => s.ScenarioId == m.ScenarioId, context.CancellationToken);
        if (scenario is null)
        {
            scenario = OpenScenario.Known(m.ScenarioId, m.DepartmentId);
            Db.OpenScenarios.Add(scenario);
        }
        if (!scenario.Amended(m.Number, m.TitleEn, m.TitleZh, m.Capabilities, m.BudgetMinHkd, m.BudgetMaxHkd, m.ProposalDeadline) || scenario.ProposalsOpenedAt is not null)
        {
            return;
        }
        // Bidders must reconfirm: tell each whose submitted proposal no longer counts.
        var bids = await Db.Proposals.AsNoTracking()
            .Where(p => p.ScenarioId == m.ScenarioId && p.Status == ProposalStatus.Submitted && p.ConfirmedAmendment < m.Number)
            .ToListAsync(context.CancellationToken);
        var now = Time.GetUtcNow();
        await VendorInbox.AddAsync(Db, bids.Select(p => VendorNotices.ReconfirmationNeeded(p, scenario, now)), context.CancellationToken);
    }
}

internal static class VendorFacts
{
    public static async Task<VendorProfile> ProfileAsync(MatchingDbContext db, Guid id, CancellationToken ct)
    {
        var profile = await db.VendorProfiles.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (profile is null)
        {
            profile = new VendorProfile(id);
            db.VendorProfiles.Add(profile);
        }
        return profile;
    }

    /// <summary>The project, created from whichever of its events arrives first; the sector comes from the scenario when known.</summary>
    public static async Task<VendorProject> ProjectAsync(MatchingDbContext db, Guid projectId, Guid vendorId, Guid scenarioId, DateTimeOffset at, CancellationToken ct)
    {
        var project = await db.VendorProjects.FirstOrDefaultAsync(p => p.ProjectId == projectId, ct);
        if (project is null)
        {
            var sector = await db.OpenScenarios.Where(s => s.ScenarioId == scenarioId).Select(s => s.Sector).FirstOrDefaultAsync(ct) ?? "";
            project = new VendorProject(projectId, vendorId, scenarioId, sector, at);
            db.VendorProjects.Add(project);
        }
        return project;
    }
}
