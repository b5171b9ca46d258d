using Marketplace.Contracts.Catalogue;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;
using Marketplace.Talent.Taxonomy;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Talent.Consumers;

/// <summary>A published scenario's capabilities become skill demand; a capability the taxonomy does not know is kept as unmapped.</summary>
public sealed class ScenarioPublishedConsumer(TalentDbContext db, SkillTaxonomy taxonomy, TimeProvider time, ILogger<ScenarioPublishedConsumer> logger)
    : IdempotentConsumer<ScenarioPublished, TalentDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ScenarioPublished m, ConsumeContext<ScenarioPublished> context)
    {
        var scenario = await Db.Scenarios.FirstOrDefaultAsync(s => s.ScenarioId == m.ScenarioId, context.CancellationToken);
        if (scenario is null)
        {
            scenario = new ScenarioDemand(m.ScenarioId);
            Db.Scenarios.Add(scenario);
        }
        if (scenario.PublishedAt is not null)
        {
            return;
        }
        var uris = new List<string>();
        foreach (var capability in m.Capabilities.Select(c => c.Trim()).Distinct(StringComparer.Ordinal))
        {
            if (taxonomy.Map(capability) is { } uri)
            {
                uris.Add(uri);
            }
            else
            {
                Db.UnmappedSkills.Add(new UnmappedSkill(Guid.NewGuid(), capability, SkillSource.ScenarioCapability, m.ScenarioId, Time.GetUtcNow()));
            }
        }
        scenario.Published(uris, m.PublishedAt);
    }
}
