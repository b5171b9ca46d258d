using System.Text;
using Marketplace.Catalogue;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.Funding.Data;
using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Marketplace.Talent.Data;
using Marketplace.Talent.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Marketplace.Standalone;

/// <summary>
/// Seeds empty databases with the demo data on first start (after migrations, before the bus), and
/// once the host listens prints its address and the demo accounts with their password.
/// </summary>
public sealed partial class DemoDataSeeder(
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    CatalogueOptions catalogue,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger) : IHostedLifecycleService
{
    public static string DataFile => Path.Combine(AppContext.BaseDirectory, "Seed", "demo-data.json");

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Standalone:SeedDemoData", true))
        {
            return;
        }
        var data = DemoData.Load(DataFile);
        await using var scope = services.CreateAsyncScope();
        // Identity first: its OrganisationRegistered events are what other services learn organisations from.
        var identity = scope.ServiceProvider.GetRequiredService<IdentityServiceDbContext>();
        if (await data.Identity.ApplyAsync(identity, scope.ServiceProvider.GetRequiredService<Memberships>(), time.GetUtcNow(), cancellationToken))
        {
            LogSeededIdentity(logger, data.Identity.Organisations.Count, data.Users.Count);
        }
        var userIds = await identity.Users.ToDictionaryAsync(u => u.Email!, u => u.Id.ToString(), cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        if (await data.CatalogueFor(userIds).ApplyAsync(db, time.GetUtcNow(), catalogue.MinimumProposalPeriod, cancellationToken))
        {
            LogSeeded(logger, data.Scenarios.Count, data.Departments.Count);
        }
        var funding = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
        if (await FundingFor(data, userIds, db, cancellationToken) is { } seed && await seed.ApplyAsync(funding, time.GetUtcNow(), cancellationToken))
        {
            LogSeededFunding(logger, seed.Projects.Count);
        }
        var talent = scope.ServiceProvider.GetRequiredService<TalentDbContext>();
        var talentSeed = await TalentFor(data, userIds, db, cancellationToken);
        if (await talentSeed.ApplyAsync(talent, scope.ServiceProvider.GetRequiredService<SkillTaxonomy>(), time.GetUtcNow(), cancellationToken))
        {
            LogSeededTalent(logger, talentSeed.Profiles.Count, talentSeed.Projects.Count);
        }
        lifetime.ApplicationStarted.Register(() => PrintWelcome(data));
    }

    /// <summary>Talent's demo: the demo talents' profiles, and staffing for each awarded, in-delivery or completed demo project as the catalogue seeded it.</summary>
    private static async Task<TalentSeed> TalentFor(DemoData data, Dictionary<string, string> userIds, CatalogueDbContext catalogue, CancellationToken ct)
    {
        var profiles = (data.TalentProfiles ?? [])
            .Select(p => (Profile: p, User: data.Users.FirstOrDefault(u => u.Email == p.Email)))
            .Where(x => x.User is not null && userIds.ContainsKey(x.Profile.Email))
            .Select(x => new TalentSeed.SeedProfile(Guid.Parse(userIds[x.Profile.Email]), x.User!.NameEn, x.Profile.Headline, x.Profile.Skills, x.Profile.Languages,
                x.Profile.AvailableInDays, x.Profile.SharePercent, x.Profile.Residency, x.Profile.ConsentToMatch, x.Profile.EmployerOrganisationId))
            .ToList();
        ScenarioStatus[] awarded = [ScenarioStatus.Awarded, ScenarioStatus.InDelivery, ScenarioStatus.Completed];
        var projects = (await catalogue.Scenarios.AsNoTracking().Where(s => s.ProjectId != null && s.AwardedVendorId != null).ToListAsync(ct))
            .Where(s => awarded.Contains(s.Status))
            .Select(s => new TalentSeed.SeedProject(s.ProjectId!.Value, s.Id, s.AwardedVendorId!.Value, s.Capabilities, s.AwardedAt!.Value, s.Status != ScenarioStatus.Awarded))
            .OrderBy(p => p.AwardedAt).ToList();
        return new TalentSeed(profiles, projects);
    }

    /// <summary>Funding's demo: the funding body's schemes and an application for each awarded, in-delivery or completed demo project, as the catalogue seeded it.</summary>
    private static async Task<FundingSeed?> FundingFor(DemoData data, Dictionary<string, string> userIds, CatalogueDbContext catalogue, CancellationToken ct)
    {
        var officer = data.Users.FirstOrDefault(u => u.Role == "FundingOfficer" && u.Manager);
        var assessor = data.Users.FirstOrDefault(u => u.Role == "Assessor");
        if (officer?.OrganisationId is not { } body || assessor is null || !userIds.TryGetValue(officer.Email, out var officerId) || !userIds.TryGetValue(assessor.Email, out var assessorId))
        {
            return null;
        }
        var stages = new Dictionary<ScenarioStatus, FundingSeed.Stage>
        {
            [ScenarioStatus.Awarded] = FundingSeed.Stage.Awarded,
            [ScenarioStatus.InDelivery] = FundingSeed.Stage.InDelivery,
            [ScenarioStatus.Completed] = FundingSeed.Stage.Completed,
        };
        var awarded = await catalogue.Scenarios.AsNoTracking().Where(s => s.ProjectId != null && s.AwardedVendorId != null).ToListAsync(ct);
        var projects = awarded.Where(s => stages.ContainsKey(s.Status))
            .Select(s => (Scenario: s, Vendor: data.Vendors.FirstOrDefault(v => v.Id == s.AwardedVendorId)))
            .Where(x => x.Vendor is { BusinessRegistrationNumber: not null, Size: not null })
            .Select(x => new FundingSeed.SeedProject(x.Scenario.ProjectId!.Value, x.Scenario.Id, x.Vendor!.Id, x.Vendor.BusinessRegistrationNumber!, x.Vendor.Size!.Value,
                x.Scenario.TitleEn, x.Scenario.TitleZh, x.Scenario.Sector, x.Scenario.TargetSchemes, x.Scenario.BudgetMaxHkd, x.Scenario.AwardedAt!.Value,
                x.Scenario.DeliveryStartedAt, x.Scenario.CompletedAt, stages[x.Scenario.Status]))
            .OrderBy(p => p.AwardedAt).ToList();
        return new FundingSeed(body, Guid.Parse(officerId), Guid.Parse(assessorId), projects);
    }

    private void PrintWelcome(DemoData data)
    {
        var urls = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var text = new StringBuilder();
        text.AppendLine().AppendLine("Hong Kong AI Scenario Marketplace (standalone) — 香港人工智能應用場景市場");
        foreach (var url in urls)
        {
            text.Append("  Listening on ").AppendLine(url);
        }
        text.AppendLine("  Scenarios: /api/catalogue/scenarios   API docs: /api-docs   Health: /health/ready");
        text.AppendLine("  Sign in (scripts and the demo): POST /api/identity/connect/token (grant_type=password, username, password)");
        text.Append("  Demo accounts (password ").Append(data.DemoPassword).AppendLine(" for all):");
        foreach (var user in data.Users)
        {
            var org = data.DescribeOrganisation(user.OrganisationId);
            text.Append("    ").Append(user.Email.PadRight(34)).Append(user.Role.PadRight(19)).AppendLine(org?.Name ?? "—");
        }
        Console.WriteLine(text.ToString());
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo identities: {Organisations} organisations, {Users} users")]
    private static partial void LogSeededIdentity(ILogger logger, int organisations, int users);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo funding: schemes and {Applications} applications")]
    private static partial void LogSeededFunding(ILogger logger, int applications);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo talent: {Profiles} profiles, staffing of {Projects} projects, two training programmes")]
    private static partial void LogSeededTalent(ILogger logger, int profiles, int projects);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo data: {Scenarios} scenarios from {Departments} departments")]
    private static partial void LogSeeded(ILogger logger, int scenarios, int departments);
}

public static class DemoDataSetup
{
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<DemoDataSeeder>();
        return builder;
    }
}
