using System.Net;
using System.Net.Http.Json;
using Marketplace.Contracts.Matching;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Talent.Domain;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.IntegrationTests.Talent.TalentArrangement;

namespace Marketplace.IntegrationTests.Talent;

/// <summary>
/// Staffing from the award to a filled role: requirements created once (redelivered, republished,
/// out of order), cancelled with the award; matches with reasons, consent honoured at once; invitations
/// accepted or declined. Run once per runtime mode (distributed: over the real broker).
/// </summary>
public abstract class StaffingTests(MarketplaceEnvironment env)
{
    private const string Vision = "https://marketplace.hk/skills/computer-vision";

    [Fact]
    public async Task An_award_becomes_its_staffing_requirements_exactly_once_however_often_it_is_delivered()
    {
        var a = new TalentArrangement(env);
        var (project, named) = (Guid.NewGuid(), Guid.NewGuid());
        var award = a.Award(project,
            new TeamRole("Computer Vision", "senior", null),
            new TeamRole("Cantonese speech", "Mid", named),
            new TeamRole("Kerbside basket weaving", "Junior", null));
        var messageId = Guid.NewGuid();

        // The same message redelivered, and the same award published again under another message id.
        await Task.WhenAll(env.PublishAsync(award, messageId), env.PublishAsync(award, messageId), env.PublishAsync(award, Guid.NewGuid()));

        await Eventually.Until(() => env.InTalentDbAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == "ProjectAwardedConsumer" && m.MessageId == messageId)),
            n => n == 1, what: "the award to be consumed");
        await Eventually.Until(() => env.InTalentDbAsync(db => db.Requirements.CountAsync(r => r.ProjectId == project)), n => n == 3, what: "the requirements");
        await Task.Delay(500);
        var detail = await JsonAsync(await a.VendorClient().GetAsync($"/api/talent/staffing/projects/{project}"));
        var roles = detail.GetProperty("requirements").EnumerateArray().ToList();
        Assert.Equal(3, roles.Count);
        Assert.Equal(Vision, roles[0].GetProperty("skillUri").GetString());
        Assert.Equal("Senior", roles[0].GetProperty("seniority").GetString());
        Assert.Equal("Open", roles[0].GetProperty("status").GetString());
        Assert.Equal("https://marketplace.hk/skills/speech", roles[1].GetProperty("skillUri").GetString());
        Assert.Equal("Filled", roles[1].GetProperty("status").GetString());
        Assert.Equal(named, roles[1].GetProperty("talentId").GetGuid());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, roles[2].GetProperty("skillUri").ValueKind);
        Assert.Equal("Kerbside basket weaving", roles[2].GetProperty("skill").GetString());
        var summary = detail.GetProperty("summary");
        // The unmapped role is open too: it is staffed by invitation, only without matches.
        Assert.Equal((2, 1), (summary.GetProperty("open").GetInt32(), summary.GetProperty("filled").GetInt32()));

        // The unknown skill is kept for administrators, once.
        var unmapped = await JsonAsync(await a.AdminClient().GetAsync("/api/talent/unmapped-skills?pageSize=100"));
        Assert.Single(unmapped.GetProperty("items").EnumerateArray(), u => u.GetProperty("sourceId").GetGuid() == project
            && u.GetProperty("rawText").GetString() == "Kerbside basket weaving" && u.GetProperty("source").GetString() == "TeamRole");
        var list = await JsonAsync(await a.VendorClient().GetAsync("/api/talent/staffing/projects?pageSize=100"));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("projectId").GetGuid() == project);
        await (await a.OtherVendorClient().GetAsync($"/api/talent/staffing/projects/{project}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_cancellation_consumed_before_its_award_leaves_the_late_award_without_requirements_and_one_after_cancels_them()
    {
        var a = new TalentArrangement(env);
        var early = Guid.NewGuid();
        await env.PublishAsync(new AwardCancelled(early, Guid.NewGuid(), "Complaint upheld", env.Clock.GetUtcNow()), Guid.NewGuid());
        await Eventually.Until(() => env.InTalentDbAsync(db => db.Projects.AnyAsync(p => p.ProjectId == early && p.CancelledAt != null)), k => k, what: "the early cancellation");
        await env.PublishAsync(a.Award(early, new TeamRole("Computer vision", "Senior", null)), Guid.NewGuid());
        await Eventually.Until(() => env.InTalentDbAsync(db => db.Projects.AnyAsync(p => p.ProjectId == early && p.AwardedAt != null)), k => k, what: "the late award");
        Assert.False(await env.InTalentDbAsync(db => db.Requirements.AnyAsync(r => r.ProjectId == early)));

        var (project, requirement) = await a.OpenRoleAsync();
        var talent = await a.TalentAsync("Cancelled Invitee", consent: true);
        await (await a.VendorClient().PostAsJsonAsync($"/api/talent/staffing/requirements/{requirement}/invitations", new { talentId = talent })).ShouldBe(HttpStatusCode.Created);
        await env.PublishAsync(new AwardCancelled(project, Guid.NewGuid(), "Complaint upheld", env.Clock.GetUtcNow()), Guid.NewGuid());
        await Eventually.Until(() => env.InTalentDbAsync(db => db.Requirements.Where(r => r.Id == requirement).Select(r => r.Status).FirstAsync()),
            s => s == RequirementStatus.Cancelled, what: "the cancellation to cancel the requirement");
        var invitations = await JsonAsync(await a.TalentClient(talent).GetAsync("/api/talent/invitations"));
        Assert.Equal("Lapsed", invitations.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_open_role_is_matched_to_available_consenting_profiles_with_reasons_and_a_withdrawn_consent_hides_a_profile_at_once()
    {
        var a = new TalentArrangement(env);
        var consenting = await a.TalentAsync("Consenting Senior", consent: true);
        var withheld = await a.TalentAsync("Withholding Senior", consent: false);
        var tooJunior = await a.TalentAsync("Consenting Junior", consent: true, level: "Junior");
        var (_, requirement) = await a.OpenRoleAsync();

        var matches = await JsonAsync(await a.VendorClient().GetAsync($"/api/talent/staffing/requirements/{requirement}/matches?pageSize=100"));
        var items = matches.GetProperty("items").EnumerateArray().ToList();
        var match = Assert.Single(items, m => m.GetProperty("talentId").GetGuid() == consenting);
        Assert.DoesNotContain(items, m => m.GetProperty("talentId").GetGuid() == withheld || m.GetProperty("talentId").GetGuid() == tooJunior);
        Assert.Equal("has computer vision at senior level (6 years); available from March 2027 for 50 % of the time; speaks Cantonese, English",
            match.GetProperty("reasonsEn").GetString());
        Assert.Equal("具備電腦視覺（資深，6 年經驗）；2027年3月起可投入 50% 時間；能說粵語、英語", match.GetProperty("reasonsZh").GetString());
        var roles = await JsonAsync(await a.TalentClient(consenting).GetAsync("/api/talent/me/matched-roles?pageSize=100"));
        Assert.Contains(roles.GetProperty("items").EnumerateArray(), r => r.GetProperty("requirement").GetProperty("id").GetGuid() == requirement);

        await (await a.TalentClient(consenting).PutAsJsonAsync("/api/talent/me/profile/consent", new { consentToMatch = false })).ShouldBe(HttpStatusCode.OK);

        // The very next request: no waiting for any event.
        var after = await JsonAsync(await a.VendorClient().GetAsync($"/api/talent/staffing/requirements/{requirement}/matches?pageSize=100"));
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), m => m.GetProperty("talentId").GetGuid() == consenting);
        var none = await JsonAsync(await a.TalentClient(consenting).GetAsync("/api/talent/me/matched-roles"));
        Assert.Equal(0, none.GetProperty("totalCount").GetInt32());
        var invite = await a.VendorClient().PostAsJsonAsync($"/api/talent/staffing/requirements/{requirement}/invitations", new { talentId = consenting });
        await invite.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await JsonAsync(invite)).GetProperty("errors").TryGetProperty("talentId", out _));
    }

    [Fact]
    public async Task An_accepted_invitation_fills_the_role_publishes_StaffingRequirementFilled_and_lapses_the_other_invitations()
    {
        var a = new TalentArrangement(env);
        var (project, requirement) = await a.OpenRoleAsync();
        var first = await a.TalentAsync("First Invitee", consent: true);
        var second = await a.TalentAsync("Second Invitee", consent: true);
        var decliner = await a.TalentAsync("Declining Invitee", consent: true);
        async Task<Guid> InviteAsync(Guid talent)
        {
            var created = await a.VendorClient().PostAsJsonAsync($"/api/talent/staffing/requirements/{requirement}/invitations", new { talentId = talent });
            await created.ShouldBe(HttpStatusCode.Created);
            return (await JsonAsync(created)).GetProperty("id").GetGuid();
        }
        var (one, two, three) = (await InviteAsync(first), await InviteAsync(second), await InviteAsync(decliner));
        await (await a.VendorClient().PostAsJsonAsync($"/api/talent/staffing/requirements/{requirement}/invitations", new { talentId = first })).ShouldBe(HttpStatusCode.Conflict);
        await (await a.TalentClient(second).PostAsync($"/api/talent/invitations/{one}/accept", null)).ShouldBe(HttpStatusCode.NotFound);

        await (await a.TalentClient(decliner).PostAsync($"/api/talent/invitations/{three}/decline", null)).ShouldBe(HttpStatusCode.OK);
        var accepted = await a.TalentClient(first).PostAsync($"/api/talent/invitations/{one}/accept", null);
        await accepted.ShouldBe(HttpStatusCode.OK);

        Assert.Equal("Accepted", (await JsonAsync(accepted)).GetProperty("status").GetString());
        await (await a.TalentClient(second).PostAsync($"/api/talent/invitations/{two}/accept", null)).ShouldBe(HttpStatusCode.Conflict);
        var sent = await JsonAsync(await a.VendorClient().GetAsync("/api/talent/invitations?pageSize=100"));
        var statuses = sent.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("requirementId").GetGuid() == requirement)
            .ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<Guid, string?> { [one] = "Accepted", [two] = "Lapsed", [three] = "Declined" }, statuses);
        var detail = await JsonAsync(await a.VendorClient().GetAsync($"/api/talent/staffing/projects/{project}"));
        Assert.Equal(1, detail.GetProperty("summary").GetProperty("filled").GetInt32());
        Assert.Equal(first, detail.GetProperty("requirements")[0].GetProperty("talentId").GetGuid());

        var events = await env.InTalentDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.Contains("StaffingRequirementFilled")).Select(m => m.Body).ToListAsync());
        var filled = Assert.Single(events, e => e.Contains(requirement.ToString(), StringComparison.Ordinal));
        var body = System.Text.Json.JsonDocument.Parse(filled).RootElement;
        Assert.Equal(first, body.GetProperty("talentId").GetGuid());
        Assert.Equal(a.Vendor, body.GetProperty("vendorOrganisationId").GetGuid());
        Assert.Equal(Vision, body.GetProperty("skillUri").GetString());
        Assert.DoesNotContain("First Invitee", filled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_skill_gap_counts_open_scenarios_and_roles_against_available_consenting_profiles_and_keeps_unknown_capabilities()
    {
        var a = new TalentArrangement(env);
        const string Robotics = "https://marketplace.hk/skills/robotics";
        async Task<System.Text.Json.JsonElement> RoboticsAsync()
        {
            var gap = await JsonAsync(await a.AdminClient().GetAsync("/api/talent/statistics/skill-gap?months=3"));
            Assert.Equal(3, gap.GetProperty("monthly").GetArrayLength());
            return gap.GetProperty("bySkill").EnumerateArray().FirstOrDefault(r => r.GetProperty("skillUri").GetString() == Robotics);
        }
        static (int Scenarios, int Roles, int Supply) Counts(System.Text.Json.JsonElement row) => row.ValueKind == System.Text.Json.JsonValueKind.Undefined
            ? (0, 0, 0) : (row.GetProperty("openScenarios").GetInt32(), row.GetProperty("openRoles").GetInt32(), row.GetProperty("supply").GetInt32());
        var before = Counts(await RoboticsAsync());
        var scenario = Guid.NewGuid();

        await env.PublishAsync(new Marketplace.Contracts.Catalogue.ScenarioPublished(scenario, Guid.NewGuid(), null, "Robot patrols", "機械人巡邏", "Patrols.", "巡邏。",
            "Living", "public-services", ["robotics", "quantum-widgets"], 100_000m, 500_000m, "HongKongOnly", [], env.Clock.GetUtcNow().AddDays(30),
            env.Clock.GetUtcNow().AddMinutes(-1)), Guid.NewGuid());
        await a.OpenRoleAsync("Robotics", "Lead");
        var available = Guid.NewGuid();
        var body = new { displayName = "Robot Builder", skills = new[] { new { skill = "robotics", level = "Lead", years = 9 } }, languages = new[] { "Putonghua" },
            availableFrom = "2026-01-01", sharePercent = 100, residency = "TopTalentPassScheme", consentToMatch = true };
        await (await a.TalentClient(available).PutAsJsonAsync("/api/talent/me/profile", body)).ShouldBe(HttpStatusCode.OK);
        await (await a.TalentClient(Guid.NewGuid()).PutAsJsonAsync("/api/talent/me/profile", body with { consentToMatch = false })).ShouldBe(HttpStatusCode.OK);

        await Eventually.Until(async () => Counts(await RoboticsAsync()), c => c == (before.Scenarios + 1, before.Roles + 1, before.Supply + 1),
            what: "the scenario, the role and the consenting profile to count");
        var unmapped = await JsonAsync(await a.AdminClient().GetAsync("/api/talent/unmapped-skills?pageSize=100"));
        Assert.Contains(unmapped.GetProperty("items").EnumerateArray(), u => u.GetProperty("sourceId").GetGuid() == scenario
            && u.GetProperty("rawText").GetString() == "quantum-widgets" && u.GetProperty("source").GetString() == "ScenarioCapability");

        await env.PublishAsync(new Marketplace.Contracts.Catalogue.ScenarioClosed(scenario, Guid.NewGuid(), Marketplace.Contracts.Catalogue.ScenarioClosureKind.Cancelled,
            "Withdrawn", env.Clock.GetUtcNow()), Guid.NewGuid());
        await Eventually.Until(async () => Counts(await RoboticsAsync()).Scenarios, n => n == before.Scenarios, what: "the closed scenario to leave the demand");
        await (await a.VendorClient().GetAsync("/api/talent/statistics/skill-gap")).ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class StaffingTests_Standalone(StandaloneEnvironment env) : StaffingTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class StaffingTests_Distributed(DistributedEnvironment env) : StaffingTests(env), IClassFixture<DistributedEnvironment>;
