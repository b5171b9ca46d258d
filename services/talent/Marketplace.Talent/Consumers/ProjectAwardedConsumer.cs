using Marketplace.Contracts.Matching;
using Marketplace.Contracts.Talent;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;
using Marketplace.Talent.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Talent.Consumers;

/// <summary>
/// An award turns the proposal's team roles into the project's staffing requirements, once
/// (the inbox skips a redelivery; the award already applied skips a republication; the unique
/// project-and-position index stops a concurrent one), unless its cancellation was consumed first.
/// Roles naming a talent are filled by them; skills the taxonomy does not know are kept as unmapped.
/// Awards come in bursts (a batch of scenarios awarded together), so they are consumed in batches
/// (<see cref="AwardBatching"/>): one transaction and a handful of queries per batch.
/// </summary>
public sealed class ProjectAwardedConsumer(TalentDbContext db, SkillTaxonomy taxonomy, TimeProvider time, ILogger<ProjectAwardedConsumer> logger)
    : IdempotentBatchConsumer<ProjectAwarded, TalentDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(IReadOnlyList<ProjectAwarded> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Select(m => m.ProjectId).Distinct().ToList();
        await Db.Projects.Where(p => ids.Contains(p.ProjectId)).LoadAsync(cancellationToken);
        var projects = Db.Projects.Local.Where(p => ids.Contains(p.ProjectId)).ToDictionary(p => p.ProjectId);
        var now = Time.GetUtcNow();
        foreach (var m in messages)
        {
            if (!projects.TryGetValue(m.ProjectId, out var project))
            {
                project = new StaffedProject(m.ProjectId, m.ScenarioId);
                Db.Projects.Add(project);
                projects[m.ProjectId] = project;
            }
            // A second award of the same project in the batch (a republication) finds it awarded already.
            if (project.Awarded(m.VendorOrganisationId, m.AwardedAt))
            {
                AddRequirements(m, now);
            }
        }
    }

    private void AddRequirements(ProjectAwarded m, DateTimeOffset now)
    {
        for (var i = 0; i < m.TeamRoles.Count; i++)
        {
            var role = m.TeamRoles[i];
            // Matching accepts only these spellings; anything else is a contract break, not a role to guess at.
            if (!Enum.TryParse<Seniority>(role.Seniority, ignoreCase: true, out var seniority) || !Enum.IsDefined(seniority))
            {
                throw new InvalidOperationException($"Award {m.ProjectId}: team role {i} has the unknown seniority '{role.Seniority}'.");
            }
            var uri = taxonomy.Map(role.Skill);
            var text = role.Skill.Trim();
            if (uri is null && !Db.UnmappedSkills.Local.Any(u => u.SourceId == m.ProjectId && u.RawText == text))
            {
                Db.UnmappedSkills.Add(new UnmappedSkill(Guid.NewGuid(), text, SkillSource.TeamRole, m.ProjectId, now));
            }
            Db.Requirements.Add(new StaffingRequirement(Guid.NewGuid(), m.ProjectId, m.VendorOrganisationId, i, text, uri, seniority, role.TalentId, now));
        }
    }
}
