using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.IntegrationTests.Identity;

/// <summary>Self-service registration, approval, members and the organisation events; run once per runtime mode.</summary>
public abstract class OrganisationTests(MarketplaceEnvironment env)
{
    private static object Registration(string brn, string email, string password = "Vendor2026pw") => new
    {
        organisation = new { nameEn = "Lion Rock Language AI Limited", nameZh = "獅子山語言智能有限公司", businessRegistrationNumber = brn, sizeClass = "Startup" },
        contact = new { email, name = "Chan Siu-ming", password, locale = "zh-HK" },
    };

    [Fact]
    public async Task A_vendor_registers_waits_for_approval_and_then_signs_in_as_its_manager()
    {
        var brn = IdentityFixtures.UniqueBrn();
        var email = $"v{Guid.NewGuid():N}@vendor.test";
        var registered = await env.IdentityClient().PostAsJsonAsync("/api/identity/registrations", Registration(brn, email));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var organisation = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organisation");
        Assert.Equal("Pending", organisation.GetProperty("status").GetString());
        var vendorId = organisation.GetProperty("id").GetGuid();

        var pending = await (await TokenEndpoint.PasswordAsync(env.IdentityClient(), email, "Vendor2026pw")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("organisation-pending", pending.GetProperty("code").GetString());
        var queue = await env.AdminClient().GetFromJsonAsync<JsonElement>("/api/identity/organisations?status=Pending&type=Vendor&pageSize=100");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == vendorId);

        await (await env.AdminClient().PostAsync($"/api/identity/organisations/{vendorId}/approve", null)).ShouldBe(HttpStatusCode.OK);
        var token = await TokenEndpoint.SignInAsync(env.IdentityClient(), email, "Vendor2026pw");
        var me = await env.IdentityClient().WithToken(token).GetFromJsonAsync<JsonElement>("/api/identity/me");
        Assert.Equal("Vendor", me.GetProperty("roles")[0].GetString());
        Assert.Equal("zh-HK", me.GetProperty("locale").GetString());
        Assert.True(me.GetProperty("manager").GetBoolean());
        Assert.Equal("Startup", me.GetProperty("organisation").GetProperty("sizeClass").GetString());

        var events = await env.InIdentityDbAsync(db => db.OutboxMessages.AsNoTracking().Select(m => new { m.MessageType, m.Body }).ToListAsync());
        Assert.Contains(events, e => e.MessageType.Contains("OrganisationRegistered", StringComparison.Ordinal) && e.Body.Contains(brn, StringComparison.Ordinal));
        Assert.Contains(events, e => e.MessageType.Contains("OrganisationApproved", StringComparison.Ordinal) && e.Body.Contains(vendorId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_registration_with_bad_fields_names_each_field_and_creates_nothing()
    {
        var email = $"v{Guid.NewGuid():N}@vendor.test";
        var response = await env.IdentityClient().PostAsJsonAsync("/api/identity/registrations", new
        {
            organisation = new { nameEn = "Shell Ltd", nameZh = "Shell Limited", businessRegistrationNumber = "1234-567", sizeClass = "Huge" },
            contact = new { email = "not-an-email", name = "", password = "short", locale = "fr" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "organisation.nameZh", "organisation.businessRegistrationNumber", "organisation.sizeClass", "contact.email", "contact.name", "contact.locale" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        // A password Identity refuses also leaves no organisation behind (one transaction).
        var brn = IdentityFixtures.UniqueBrn();
        var weak = await env.IdentityClient().PostAsJsonAsync("/api/identity/registrations", Registration(brn, email, "alllowercase"));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("contact.password", out _));
        Assert.False(await env.InIdentityDbAsync(db => db.Organisations.AnyAsync(o => o.BusinessRegistrationNumber == brn)));

        // One account per business registration number.
        await (await env.IdentityClient().PostAsJsonAsync("/api/identity/registrations", Registration(brn, email))).ShouldBe(HttpStatusCode.Created);
        var again = await env.IdentityClient().PostAsJsonAsync("/api/identity/registrations", Registration(brn, $"x{email}"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("brn-registered", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Managers_invite_and_remove_members_and_a_removed_member_is_signed_out_everywhere()
    {
        var vendor = await env.CreateOrganisationAsync("Vendor");
        var (_, managerEmail) = await env.AddMemberAsync(vendor, Roles.Vendor, manager: true);
        var manager = env.IdentityClient().WithToken(await TokenEndpoint.SignInAsync(env.IdentityClient(), managerEmail, IdentityFixtures.Password));

        var wrongRole = await manager.PostAsJsonAsync($"/api/identity/organisations/{vendor}/invitations", new { email = "a@b.test", role = Roles.DepartmentOfficer });
        Assert.Equal(HttpStatusCode.BadRequest, wrongRole.StatusCode);
        Assert.True((await wrongRole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("role", out _));

        var invited = await manager.PostAsJsonAsync($"/api/identity/organisations/{vendor}/invitations", new { email = "engineer@vendor.test", role = Roles.Vendor });
        var code = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var byOther = await env.IdentityClient().PostAsJsonAsync("/api/identity/invitations/accept",
            new { code, email = "intruder@vendor.test", name = "Intruder", password = IdentityFixtures.Password });
        Assert.Equal(HttpStatusCode.Conflict, byOther.StatusCode);
        var accepted = await env.IdentityClient().PostAsJsonAsync("/api/identity/invitations/accept",
            new { code, email = "engineer@vendor.test", name = "Engineer", password = IdentityFixtures.Password });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var memberId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var reused = await env.IdentityClient().PostAsJsonAsync("/api/identity/invitations/accept",
            new { code, email = "engineer@vendor.test", name = "Engineer", password = IdentityFixtures.Password });
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);

        var memberToken = await TokenEndpoint.SignInAsync(env.IdentityClient(), "engineer@vendor.test", IdentityFixtures.Password);
        await (await env.MatchingClient().WithToken(memberToken).GetAsync("/api/matching/open-scenarios")).ShouldBe(HttpStatusCode.OK);
        // A member who does not manage cannot list or manage colleagues; another vendor's manager neither.
        await (await env.IdentityClient().WithToken(memberToken).GetAsync($"/api/identity/organisations/{vendor}/members")).ShouldBe(HttpStatusCode.Forbidden);
        var otherVendor = await env.CreateOrganisationAsync("Vendor");
        var (_, otherEmail) = await env.AddMemberAsync(otherVendor, Roles.Vendor, manager: true);
        var otherManager = env.IdentityClient().WithToken(await TokenEndpoint.SignInAsync(env.IdentityClient(), otherEmail, IdentityFixtures.Password));
        await (await otherManager.DeleteAsync($"/api/identity/organisations/{vendor}/members/{memberId}")).ShouldBe(HttpStatusCode.Forbidden);

        await (await manager.DeleteAsync($"/api/identity/organisations/{vendor}/members/{memberId}")).ShouldBe(HttpStatusCode.NoContent);
        var refused = await (await TokenEndpoint.PasswordAsync(env.IdentityClient(), "engineer@vendor.test", IdentityFixtures.Password)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("account-inactive", refused.GetProperty("code").GetString());
        await Eventually.Until(() => env.MatchingClient().WithToken(memberToken).GetAsync("/api/matching/open-scenarios"),
            r => r.StatusCode == HttpStatusCode.Unauthorized, what: "the removed member's token to be refused by matching");

        // The last manager stays.
        var members = await manager.GetFromJsonAsync<JsonElement>($"/api/identity/organisations/{vendor}/members");
        var managerId = members.EnumerateArray().Single(m => m.GetProperty("email").GetString() == managerEmail).GetProperty("id").GetGuid();
        var last = await manager.DeleteAsync($"/api/identity/organisations/{vendor}/members/{managerId}");
        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
    }

    [Fact]
    public async Task Membership_and_role_changes_are_audited_with_who_made_them_and_never_show_secrets()
    {
        var fundingBody = await env.CreateOrganisationAsync("FundingBody");
        var (_, managerEmail) = await env.AddMemberAsync(fundingBody, Roles.FundingOfficer, manager: true);
        var (memberId, _) = await env.AddMemberAsync(fundingBody, Roles.FundingOfficer, manager: false);
        var managerToken = await TokenEndpoint.SignInAsync(env.IdentityClient(), managerEmail, IdentityFixtures.Password);
        var manager = env.IdentityClient().WithToken(managerToken);
        var managerId = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(managerToken).Subject;

        var changed = await manager.PutAsJsonAsync($"/api/identity/organisations/{fundingBody}/members/{memberId}", new { roles = new[] { Roles.Assessor } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(Roles.Assessor, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles")[0].GetString());

        var log = await env.InIdentityDbAsync(db => db.AuditLog.AsNoTracking().ToListAsync());
        var roleChanges = log.Where(e => e.EntityType == "IdentityUserRole" && e.EntityId.StartsWith(memberId.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Contains(roleChanges, e => e.Action == "Deleted" && e.UserId == managerId);
        Assert.Contains(roleChanges, e => e.Action == "Created" && e.UserId == managerId);
        var created = log.Single(e => e.EntityType == "MarketplaceUser" && e.EntityId == memberId.ToString() && e.Action == "Created");
        Assert.Contains("\"PasswordHash\":\"(changed)\"", created.Changes);
        var hash = await env.InIdentityDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.PasswordHash).SingleAsync());
        Assert.DoesNotContain(log, e => e.Changes.Contains(hash!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_department_created_by_an_administrator_reaches_the_catalogue_by_name_and_renames_follow()
    {
        var department = await env.CreateOrganisationAsync("Department");
        env.Clock.Advance(TimeSpan.FromSeconds(1));
        var renamed = await env.AdminClient().PutAsJsonAsync($"/api/identity/organisations/{department}",
            new { nameEn = "Lands Department", nameZh = "地政總署" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var draft = await ScenarioBuilder.CreateAsync(env.CatalogueClient().As(Roles.DepartmentOfficer, department));
        var id = draft.GetProperty("id").GetGuid();
        await Eventually.Until(
            () => env.CatalogueClient().As(Roles.DepartmentOfficer, department).GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}"),
            s => s.GetProperty("department").GetProperty("nameZh").GetString() == "地政總署", what: "the department's new name in the catalogue");
    }

    [Fact]
    public async Task Suspending_an_organisation_signs_its_members_out_and_stops_new_sign_ins()
    {
        var department = await env.CreateOrganisationAsync("Department");
        var (_, email) = await env.AddMemberAsync(department, Roles.DepartmentOfficer, manager: true);
        var token = await TokenEndpoint.SignInAsync(env.IdentityClient(), email, IdentityFixtures.Password);

        var noReason = await env.AdminClient().PostAsJsonAsync($"/api/identity/organisations/{department}/suspend", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        await (await env.AdminClient().PostAsJsonAsync($"/api/identity/organisations/{department}/suspend",
            new { reason = "Security review" })).ShouldBe(HttpStatusCode.OK);

        var refused = await (await TokenEndpoint.PasswordAsync(env.IdentityClient(), email, IdentityFixtures.Password)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("organisation-not-active", refused.GetProperty("code").GetString());
        await Eventually.Until(() => env.CatalogueClient().WithToken(token).GetAsync("/api/catalogue/scenarios?status=Draft"),
            r => r.StatusCode == HttpStatusCode.Unauthorized, what: "the suspended organisation's token to be refused");
        var again = await env.AdminClient().PostAsJsonAsync($"/api/identity/organisations/{department}/suspend", new { reason = "twice" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}

public sealed class OrganisationTests_Standalone(StandaloneEnvironment env) : OrganisationTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class OrganisationTests_Distributed(DistributedEnvironment env) : OrganisationTests(env), IClassFixture<DistributedEnvironment>;
