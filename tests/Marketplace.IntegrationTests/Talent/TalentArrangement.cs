using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Contracts.Matching;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.IntegrationTests.Talent;

/// <summary>
/// A vendor of its own and talents created on demand (the talent service learns of neither from
/// identity: a vendor is an organisation id in a token, a talent a user id), and the award events
/// that staff a project.
/// </summary>
public sealed class TalentArrangement(MarketplaceEnvironment env)
{
    public Guid Vendor { get; } = Guid.NewGuid();

    public HttpClient VendorClient() => env.TalentClient().As(Roles.Vendor, Vendor, Guid.NewGuid().ToString());

    public HttpClient OtherVendorClient() => env.TalentClient().As(Roles.Vendor, Guid.NewGuid(), Guid.NewGuid().ToString());

    public HttpClient TalentClient(Guid talent) => env.TalentClient().As(Roles.Talent, null, talent.ToString());

    public HttpClient AdminClient() => env.TalentClient().As(Roles.Admin, null, Guid.NewGuid().ToString());

    public static object ProfileBody(string name, bool consent, string skill = "computer-vision", string level = "Senior", Guid? employer = null, string? email = null) => new
    {
        displayName = name,
        contactEmail = email,
        headline = "Builds camera analytics",
        skills = new[] { new { skill, level, years = 6 } },
        languages = new[] { "Cantonese", "English" },
        availableFrom = "2027-03-01",
        sharePercent = 50,
        residency = "TechnologyTalentAdmissionScheme",
        consentToMatch = consent,
        employerOrganisationId = employer,
    };

    /// <summary>A talent with a profile; returns their user id.</summary>
    public async Task<Guid> TalentAsync(string name, bool consent, string skill = "computer-vision", string level = "Senior", Guid? employer = null, string? email = null)
    {
        var talent = Guid.NewGuid();
        await (await TalentClient(talent).PutAsJsonAsync("/api/talent/me/profile", ProfileBody(name, consent, skill, level, employer, email))).ShouldBe(HttpStatusCode.OK);
        return talent;
    }

    public ProjectAwarded Award(Guid project, params TeamRole[] roles) => new(
        project, Guid.NewGuid(), Guid.NewGuid(), Vendor, Guid.NewGuid(), "Camera analytics on lamp posts", 1_200_000m, 12, roles,
        env.Clock.GetUtcNow().AddDays(-1), env.Clock.GetUtcNow().AddDays(9));

    /// <summary>Publishes an award with one open senior computer vision role and waits for its requirement.</summary>
    public async Task<(Guid Project, Guid Requirement)> OpenRoleAsync(string skill = "Computer vision", string seniority = "Senior")
    {
        var project = Guid.NewGuid();
        await env.PublishAsync(Award(project, new TeamRole(skill, seniority, null)), Guid.NewGuid());
        var requirement = await Eventually.Until(() => env.InTalentDbAsync(db => db.Requirements.Where(r => r.ProjectId == project).Select(r => r.Id).FirstOrDefaultAsync()),
            id => id != Guid.Empty, what: "the award's staffing requirement");
        return (project, requirement);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
