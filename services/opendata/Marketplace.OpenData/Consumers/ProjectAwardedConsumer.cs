using Marketplace.Contracts.Matching;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.OpenData.Ocds;
using Marketplace.OpenData.Statistics;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>An award: its release, and the project's link to its scenario for the funding events and the statistics that follow.</summary>
public sealed class ProjectAwardedConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<ProjectAwardedConsumer> logger)
    : IdempotentConsumer<ProjectAwarded, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ProjectAwarded m, ConsumeContext<ProjectAwarded> context)
    {
        var ct = context.CancellationToken;
        var project = await Db.Projects.FindAsync([m.ProjectId], ct);
        if (project is null)
        {
            Db.Projects.Add(new ProjectLink(m.ProjectId, m.ScenarioId, m.VendorOrganisationId, m.PriceHkd, m.AwardedAt));
        }
        else
        {
            // Its cancellation came first.
            project.Awarded(m.VendorOrganisationId, m.PriceHkd, m.AwardedAt);
        }
        // An award that overtook the publication is indexed under its department now; the publication fills in the rest.
        var index = await ScenarioFacts.IndexAsync(Db, m.ScenarioId, m.DepartmentId, ct);
        await ScenarioFacts.RefreshAwardAsync(Db, index, ct);
        var vendor = await Db.Organisations.FindAsync([m.VendorOrganisationId], ct);
        var department = await Db.Organisations.FindAsync([m.DepartmentId], ct);
        await ReleaseLog.AppendAsync(Db, options, m.ScenarioId, ReleaseBuilder.Awarded(m, vendor, department), Time.GetUtcNow(), ct);
    }
}
