using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Matching;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.IntegrationTests.Funding;

/// <summary>
/// A funding body with an officer, assessors and a further officer, a real vendor, a scheme of a
/// code of its own (so tests sharing an environment never open applications under each other's
/// schemes) and the events that open an application from an award.
/// </summary>
public sealed class FundingArrangement(MarketplaceEnvironment env)
{
    public const string TitleMarker = "Kowloon kerbside sensing";

    public Guid Body { get; private set; }

    public Guid Officer { get; private set; }

    public IReadOnlyList<Guid> Assessors { get; private set; } = [];

    /// <summary>A second funding officer of the body, named an assessor in tests of conflicts (the worst case: an officer who may not see).</summary>
    public Guid OtherOfficer { get; private set; }

    public Guid Vendor { get; private set; }

    public string Code { get; } = "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public Guid Scheme { get; private set; }

    public HttpClient OfficerClient() => env.FundingClient().As(Roles.FundingOfficer, Body, Officer.ToString());

    public HttpClient OtherOfficerClient() => env.FundingClient().As(Roles.FundingOfficer, Body, OtherOfficer.ToString());

    public HttpClient AssessorClient(int i) => env.FundingClient().As(Roles.Assessor, Body, Assessors[i].ToString());

    public HttpClient VendorClient() => env.FundingClient().As(Roles.Vendor, Vendor);

    public static async Task<FundingArrangement> CreateAsync(MarketplaceEnvironment env, int assessors = 3)
    {
        var a = new FundingArrangement(env);
        a.Body = await env.CreateOrganisationAsync("FundingBody");
        a.Officer = (await env.AddMemberAsync(a.Body, Roles.FundingOfficer, manager: true)).UserId;
        a.OtherOfficer = (await env.AddMemberAsync(a.Body, Roles.FundingOfficer, manager: false)).UserId;
        var list = new List<Guid>();
        for (var i = 0; i < assessors; i++)
        {
            list.Add((await env.AddMemberAsync(a.Body, Roles.Assessor, manager: false)).UserId);
        }
        a.Assessors = list;
        a.Vendor = await env.CreateOrganisationAsync("Vendor");
        var created = await a.OfficerClient().PostAsJsonAsync("/api/funding/schemes", a.SchemeBody());
        await created.ShouldBe(HttpStatusCode.Created);
        a.Scheme = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var people = list.Append(a.Officer).Append(a.OtherOfficer).ToList();
        await Eventually.Until(() => env.InFundingDbAsync(async db => await db.OrganisationMembers.CountAsync(m => people.Contains(m.UserId))
            + (await db.Vendors.AnyAsync(v => v.Id == a.Vendor && v.Registered) ? 1 : 0)), n => n == people.Count + 1,
            what: "funding to learn of the funding body's people and the vendor");
        return a;
    }

    /// <summary>Half of eligible cost (manpower, computing), at most HK$800,000 a project; two criteria out of 10; two assessors.</summary>
    public object SchemeBody(string? code = null) => new
    {
        code = code ?? Code,
        nameEn = "Kerbside Trial Scheme",
        nameZh = "路邊試用計劃",
        descriptionEn = "Half of the eligible cost of a trial, up to HK$800,000.",
        descriptionZh = "資助試驗合資格開支的一半，上限港幣 800,000 元。",
        basis = "PercentageOfEligibleCost",
        percentageOfEligibleCost = 50,
        perProjectCapHkd = 800_000,
        requireHongKongRegistered = true,
        noDoubleFunding = true,
        eligibleCostTypes = new[] { "Manpower", "Computing" },
        criteria = new[]
        {
            new { code = "innovation", nameEn = "Innovation", nameZh = "創新", maxScore = 10, passMark = 5 },
            new { code = "impact", nameEn = "Public impact", nameZh = "公眾影響", maxScore = 10, passMark = 5 },
        },
        assessorCount = 2,
        opensAt = env.Clock.GetUtcNow().AddDays(-1),
        closesAt = env.Clock.GetUtcNow().AddYears(2),
    };

    public ScenarioPublished Scenario(Guid scenarioId, params string[] schemes) => new(
        scenarioId, Guid.NewGuid(), null, TitleMarker, "九龍路邊感測", "Kerbside loading bays are misused.", "路邊上落貨區被濫用。",
        "Mobility", "transport", ["computer-vision"], 500_000m, 2_000_000m, "HongKongOnly", schemes.Length == 0 ? [Code] : schemes,
        env.Clock.GetUtcNow().AddDays(30), env.Clock.GetUtcNow().AddDays(-40));

    public ProjectAwarded Award(Guid projectId, Guid scenarioId, Guid? vendor = null) => new(
        projectId, scenarioId, Guid.NewGuid(), vendor ?? Vendor, Guid.NewGuid(), "Camera analytics on lamp posts", 1_600_001m, 12, [],
        env.Clock.GetUtcNow().AddDays(-5), env.Clock.GetUtcNow().AddDays(5));

    /// <summary>Publishes the scenario and its award, and waits for the application it opens.</summary>
    public async Task<(Guid Project, Guid Application)> AwardedAsync()
    {
        var (scenario, project) = (Guid.NewGuid(), Guid.NewGuid());
        await env.PublishAsync(Scenario(scenario), Guid.NewGuid());
        await Eventually.Until(() => env.InFundingDbAsync(db => db.Scenarios.AnyAsync(s => s.ScenarioId == scenario)), k => k, what: "funding to learn of the scenario");
        await env.PublishAsync(Award(project, scenario), Guid.NewGuid());
        var application = await Eventually.Until(() => env.InFundingDbAsync(db => db.Applications.Where(x => x.ProjectId == project).Select(x => x.Id).FirstOrDefaultAsync()),
            id => id != Guid.Empty, what: "the award's application");
        return (project, application);
    }

    /// <summary>The vendor completes the budget (HK$1,000,000 manpower, HK$600,001 computing, HK$50,000 travel) and submits.</summary>
    public async Task<JsonElement> CompleteAndSubmitAsync(Guid application)
    {
        await (await VendorClient().PutAsJsonAsync($"/api/funding/applications/{application}", new
        {
            titleEn = TitleMarker, titleZh = "九龍路邊感測",
            budget = new object[]
            {
                new { costType = "Manpower", amountHkd = 1_000_000m, description = "Two engineers for a year" },
                new { costType = "Computing", amountHkd = 600_001m, description = "Edge inference units" },
                new { costType = "Other", amountHkd = 50_000m, description = "Travel" },
            },
            companyContributionHkd = 850_001m, declaredNoOtherPublicFunding = true, declaredInformationTrue = true,
        })).ShouldBe(HttpStatusCode.OK);
        var submitted = await VendorClient().PostAsync($"/api/funding/applications/{application}/submit", null);
        await submitted.ShouldBe(HttpStatusCode.OK);
        return await submitted.Content.ReadFromJsonAsync<JsonElement>();
    }
}
