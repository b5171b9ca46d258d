using Marketplace.Contracts.Talent;
using Marketplace.Talent.Domain;
using Marketplace.Talent.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Talent.Data;

/// <summary>
/// Demo data: the demo talents' profiles (some consenting, some not, some employed by a demo vendor),
/// staffing requirements for each awarded, in-delivery or completed demo project (one role per
/// capability of its scenario, plus data engineering), two NITTP-style programmes, and enrolments on
/// both sides of the last financial-year boundary (31 March 23:59 and 1 April 00:00, Hong Kong time).
/// History, not news: nothing is published.
/// </summary>
public sealed record TalentSeed(IReadOnlyList<TalentSeed.SeedProfile> Profiles, IReadOnlyList<TalentSeed.SeedProject> Projects)
{
    public sealed record SeedSkill(string Skill, Seniority Level, int Years);

    public sealed record SeedProfile(
        Guid UserId, string DisplayName, string? Headline, IReadOnlyList<SeedSkill> Skills, IReadOnlyList<Language> Languages, int AvailableInDays,
        int SharePercent, ResidencyStatus Residency, bool ConsentToMatch, Guid? EmployerOrganisationId);

    public sealed record SeedProject(Guid ProjectId, Guid ScenarioId, Guid VendorId, IReadOnlyList<string> Capabilities, DateTimeOffset AwardedAt, bool Staffed);

    public async Task<bool> ApplyAsync(TalentDbContext db, SkillTaxonomy taxonomy, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Profiles.AnyAsync(ct) || await db.Programmes.AnyAsync(ct))
        {
            return false;
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var profiles = Profiles.Select(p =>
        {
            var profile = new TalentProfile(p.UserId, now.AddDays(-90));
            var skills = p.Skills.Select(s => taxonomy.Map(s.Skill) is { } uri ? new ProfileSkill(uri, s.Level, s.Years) : null).OfType<ProfileSkill>().ToList();
            if (profile.Apply(new ProfileContent(p.DisplayName, null, p.Headline, skills, p.Languages, today.AddDays(p.AvailableInDays), p.SharePercent, p.Residency,
                p.ConsentToMatch, p.EmployerOrganisationId), now.AddDays(-30)) is { } consent)
            {
                db.ConsentChanges.Add(consent);
            }
            return profile;
        }).ToList();
        db.Profiles.AddRange(profiles);

        foreach (var p in Projects)
        {
            var project = new StaffedProject(p.ProjectId, p.ScenarioId);
            project.Awarded(p.VendorId, p.AwardedAt);
            db.Projects.Add(project);
            var roles = p.Capabilities.Select(c => (Text: c, Seniority: Seniority.Senior)).Append((Text: "Data engineering", Seniority: Seniority.Mid)).ToList();
            var staffed = new HashSet<Guid>();
            for (var i = 0; i < roles.Count; i++)
            {
                var uri = taxonomy.Map(roles[i].Text);
                // Projects already in delivery were staffed from the vendor's own employees where one holds the skill (one role each).
                var holder = p.Staffed
                    ? profiles.FirstOrDefault(x => x.EmployerOrganisationId == p.VendorId && !staffed.Contains(x.Id) && x.Skills.Any(s => s.SkillUri == uri))
                    : null;
                if (holder is not null)
                {
                    staffed.Add(holder.Id);
                }
                db.Requirements.Add(new StaffingRequirement(Guid.NewGuid(), p.ProjectId, p.VendorId, i, roles[i].Text, uri, roles[i].Seniority, holder?.Id, p.AwardedAt.AddMinutes(1)));
            }
        }

        var mlops = new TrainingProgramme(Guid.NewGuid(), null, new ProgrammeContent(
            "MLOps for production AI teams", "生產級人工智能團隊的機器學習運維", "Hong Kong Productivity Council Academy", "香港生產力促進局學院",
            [taxonomy.Map("mlops")!, taxonomy.Map("data-engineering")!], 120_000m, 60, new SubsidyRule("NITTP", 2, 1, 250_000m)), now.AddYears(-1));
        var governance = new TrainingProgramme(Guid.NewGuid(), null, new ProgrammeContent(
            "AI governance and responsible deployment", "人工智能管治與負責任部署", "Hong Kong Institute of AI Governance", "香港人工智能管治學會",
            [taxonomy.Map("ai-governance")!], 48_000m, 24, new SubsidyRule("NITTP", 2, 1, 250_000m)), now.AddYears(-1));
        db.Programmes.AddRange(mlops, governance);

        // Enrolments of an employer's employees at the last financial-year boundary: the minute before
        // counts against the ending year's cap, the minute after starts the new year's.
        var boundary = FinancialYear.Of(now).Start;
        var employees = profiles.Where(p => p.EmployerOrganisationId is not null).ToList();
        var used = new Dictionary<(Guid, int), decimal>();
        foreach (var (employee, programme, at, completed) in employees.SelectMany(e => new[]
                 {
                     (e, mlops, boundary.AddMinutes(-1), true),
                     (e, governance, boundary, false),
                 }))
        {
            var vendor = employee.EmployerOrganisationId!.Value;
            var key = (vendor, FinancialYear.Of(at).StartYear);
            var subsidy = SubsidyFormula.Compute(programme.Subsidy, programme.FeeHkd, used.GetValueOrDefault(key), at);
            used[key] = used.GetValueOrDefault(key) + subsidy.AmountHkd;
            var enrolment = new Enrolment(Guid.NewGuid(), programme, vendor, employee.Id, subsidy, at);
            if (completed)
            {
                enrolment.Complete(at.AddDays(30));
                employee.Learn(programme.SkillUris, at.AddDays(30));
            }
            db.Enrolments.Add(enrolment);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
