using System.Net;
using System.Net.Http.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Marketplace.IntegrationTests.Talent.TalentArrangement;

namespace Marketplace.IntegrationTests.Talent;

/// <summary>
/// A talent's personal data under the Personal Data (Privacy) Ordinance: who sees a profile, the
/// audit of every read by someone else, events without personal data, the export and the erasure
/// (checked in the database). Run once per runtime mode.
/// </summary>
public abstract class PrivacyTests(MarketplaceEnvironment env)
{
    [Fact]
    public async Task Vendors_see_a_profile_only_with_consent_or_as_its_employer_and_every_read_by_someone_else_is_audited_and_exported()
    {
        var a = new TalentArrangement(env);
        var employee = await a.TalentAsync("Employee Withholding", consent: false, employer: a.Vendor);
        var stranger = await a.TalentAsync("Stranger Withholding", consent: false);
        var open = await a.TalentAsync("Open Consenting", consent: true);

        await (await a.VendorClient().GetAsync($"/api/talent/profiles/{employee}")).ShouldBe(HttpStatusCode.OK);
        await (await a.VendorClient().GetAsync($"/api/talent/profiles/{stranger}")).ShouldBe(HttpStatusCode.NotFound);
        await (await a.OtherVendorClient().GetAsync($"/api/talent/profiles/{employee}")).ShouldBe(HttpStatusCode.NotFound);
        await (await a.OtherVendorClient().GetAsync($"/api/talent/profiles/{open}")).ShouldBe(HttpStatusCode.OK);
        var employees = await JsonAsync(await a.VendorClient().GetAsync("/api/talent/profiles?employees=true"));
        Assert.Equal([employee], employees.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        await (await a.TalentClient(employee).GetAsync("/api/talent/me/profile")).ShouldBe(HttpStatusCode.OK);

        // Two reads of the employee by its vendor (one and the list); the owner's own read is not recorded.
        var reads = await env.InTalentDbAsync(db => db.AuditLog.CountAsync(e => e.EntityType == "TalentProfile" && e.EntityId == employee.ToString() && e.Action == "Read"));
        Assert.Equal(2, reads);
        Assert.Equal(0, await env.InTalentDbAsync(db => db.AuditLog.CountAsync(e => e.EntityId == stranger.ToString() && e.Action == "Read")));
        var export = await JsonAsync(await a.TalentClient(employee).GetAsync("/api/talent/me/profile/export"));
        Assert.Equal("Employee Withholding", export.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Equal(2, export.GetProperty("reads").GetArrayLength());
        Assert.All(export.GetProperty("reads").EnumerateArray(), r => Assert.Equal(a.Vendor, r.GetProperty("organisationId").GetGuid()));
    }

    [Fact]
    public async Task Every_change_of_consent_is_recorded_with_its_time_shown_to_the_talent_exported_and_erased_with_the_profile()
    {
        var a = new TalentArrangement(env);
        var talent = await a.TalentAsync("Consent Changer", consent: true);
        var client = a.TalentClient(talent);
        env.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await client.PutAsJsonAsync("/api/talent/me/profile/consent", new { consentToMatch = false })).ShouldBe(HttpStatusCode.OK);
        // Saying again what already stands is not a change.
        await (await client.PutAsJsonAsync("/api/talent/me/profile/consent", new { consentToMatch = false })).ShouldBe(HttpStatusCode.OK);
        env.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await client.PutAsJsonAsync("/api/talent/me/profile", ProfileBody("Consent Changer", consent: true))).ShouldBe(HttpStatusCode.OK);
        var withdrawnAt = env.Clock.GetUtcNow().AddMinutes(-1);

        var history = await JsonAsync(await client.GetAsync("/api/talent/me/profile/consent"));
        Assert.Equal([true, false, true], history.EnumerateArray().Select(c => c.GetProperty("consentToMatch").GetBoolean()));
        Assert.Equal(Marketplace.ServiceDefaults.Localization.HongKongTime.Format(withdrawnAt), history[1].GetProperty("atHongKong").GetString());
        var export = await JsonAsync(await client.GetAsync("/api/talent/me/profile/export"));
        Assert.Equal(3, export.GetProperty("consentHistory").GetArrayLength());
        await (await a.TalentClient(Guid.NewGuid()).GetAsync("/api/talent/me/profile/consent")).ShouldBe(HttpStatusCode.NotFound);

        await (await client.DeleteAsync("/api/talent/me/profile")).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal(0, await env.InTalentDbAsync(db => db.ConsentChanges.CountAsync(c => c.ProfileId == talent)));
    }

    [Fact]
    public async Task Profile_events_carry_ids_and_skill_uris_but_never_a_name_or_contact_detail()
    {
        var a = new TalentArrangement(env);
        var talent = await a.TalentAsync("Unmistakable Namesake", consent: true, email: "unmistakable.namesake@example.hk");
        await (await a.TalentClient(talent).PutAsJsonAsync("/api/talent/me/profile/consent", new { consentToMatch = false })).ShouldBe(HttpStatusCode.OK);

        var bodies = await env.InTalentDbAsync(db => db.OutboxMessages.Where(m => m.Body.Contains(talent.ToString())).Select(m => m.Body).ToListAsync());

        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, b =>
        {
            Assert.Contains("https://marketplace.hk/skills/computer-vision", b, StringComparison.Ordinal);
            Assert.DoesNotContain("Unmistakable", b, StringComparison.Ordinal);
            Assert.DoesNotContain("namesake@", b, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("camera analytics", b, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Erasing_a_profile_leaves_no_personal_field_in_the_database_and_history_keeps_an_anonymous_placeholder()
    {
        var a = new TalentArrangement(env);
        const string Name = "Erasable Personname";
        const string Email = "erasable.personname@example.hk";
        var talent = await a.TalentAsync(Name, consent: true, employer: a.Vendor, email: Email);
        var (_, requirement) = await a.OpenRoleAsync();
        var invited = await a.VendorClient().PostAsJsonAsync($"/api/talent/staffing/requirements/{requirement}/invitations", new { talentId = talent });
        await invited.ShouldBe(HttpStatusCode.Created);
        await (await a.TalentClient(talent).PostAsync($"/api/talent/invitations/{(await JsonAsync(invited)).GetProperty("id").GetGuid()}/accept", null)).ShouldBe(HttpStatusCode.OK);
        await (await a.VendorClient().GetAsync($"/api/talent/profiles/{talent}")).ShouldBe(HttpStatusCode.OK);

        await (await a.TalentClient(talent).DeleteAsync("/api/talent/me/profile")).ShouldBe(HttpStatusCode.NoContent);

        var id = talent.ToString();
        await env.InTalentDbAsync(async db =>
        {
            Assert.False(await db.Profiles.AnyAsync(p => p.Id == talent));
            Assert.False(await db.Requirements.AnyAsync(r => r.TalentId == talent));
            Assert.False(await db.Invitations.AnyAsync(i => i.TalentId == talent));
            var role = await db.Requirements.SingleAsync(r => r.Id == requirement);
            Assert.NotNull(role.TalentId);
            Assert.Equal(Marketplace.Talent.Domain.RequirementStatus.Filled, role.Status);
            var audit = await db.AuditLog.ToListAsync();
            Assert.DoesNotContain(audit, e => e.UserId == id || e.EntityId == id || e.Changes.Contains(id, StringComparison.Ordinal)
                || e.Changes.Contains(Name, StringComparison.Ordinal) || e.Changes.Contains(Email, StringComparison.Ordinal)
                || (e.UserName ?? "").Contains(Name, StringComparison.Ordinal));
            var events = await db.OutboxMessages.Select(m => m.Body).ToListAsync();
            Assert.DoesNotContain(events, b => b.Contains(Name, StringComparison.Ordinal) || b.Contains(Email, StringComparison.Ordinal));
            Assert.Contains(await db.OutboxMessages.Where(m => m.MessageType.Contains("TalentProfileErased")).Select(m => m.Body).ToListAsync(),
                b => b.Contains(id, StringComparison.Ordinal));
            return true;
        });
        await (await a.TalentClient(talent).GetAsync("/api/talent/me/profile")).ShouldBe(HttpStatusCode.NotFound);
        await (await a.VendorClient().GetAsync($"/api/talent/profiles/{talent}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_profile_with_bad_fields_is_refused_field_by_field_in_both_languages_and_nothing_is_stored()
    {
        var a = new TalentArrangement(env);
        var talent = Guid.NewGuid();
        var refused = await a.TalentClient(talent).PutAsJsonAsync("/api/talent/me/profile", new
        {
            displayName = "", skills = new[] { new { skill = "Basket weaving", level = "Senior", years = 2 } }, sharePercent = 0, availableFrom = "2027-03-01",
        });

        await refused.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(refused)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("displayName", out _));
        Assert.Contains("skills[0].skill", errors.GetProperty("skills[0].skill")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("sharePercent", out _));
        Assert.True(errors.TryGetProperty("residency", out _));
        var chinese = a.TalentClient(talent);
        chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-HK");
        var zh = await JsonAsync(await chinese.PutAsJsonAsync("/api/talent/me/profile", new { displayName = "x", sharePercent = 50, availableFrom = "2027-03-01", residency = "PermanentResident",
            skills = new[] { new { skill = "Basket weaving", level = "Senior", years = 2 } } }));
        Assert.Contains("技能分類", zh.GetProperty("errors").GetProperty("skills[0].skill")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await env.InTalentDbAsync(db => db.Profiles.AnyAsync(p => p.Id == talent)));
    }
}

public sealed class PrivacyTests_Standalone(StandaloneEnvironment env) : PrivacyTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class PrivacyTests_Distributed(DistributedEnvironment env) : PrivacyTests(env), IClassFixture<DistributedEnvironment>;
