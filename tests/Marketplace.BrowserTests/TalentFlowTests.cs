using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>
/// Staffing in the browser from an award to a filled role: the vendor sees the project's open role and the match with
/// its reasons, invites; the talent sees the invitation and accepts; the vendor sees the role filled. In English and in
/// Chinese with JavaScript (axe on every page), and once in English without.
/// </summary>
[Collection(ShortDeadlineCollection.Name)]
public sealed class TalentFlowTests(ShortDeadlineFixture site)
{
    private const string Talent = "talent.cheng@demo.hk";

    [Theory]
    [InlineData("en", true, "vendor.harbourlight@demo.hk")]
    [InlineData("zh-HK", true, "vendor.lionrock@demo.hk")]
    [InlineData("en", false, "vendor.kaitak@demo.hk")]
    public async Task An_awarded_vendor_invites_a_matched_talent_who_accepts_and_the_role_is_filled(string language, bool javaScript, string vendorEmail)
    {
        var step = 0;
        var violations = new List<string>();
        async Task Shot(IPage page, string name)
        {
            if (javaScript)
            {
                violations.AddRange(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
            }
            await BrowserFixture.ScreenshotAsync(page, $"talent-flow-{language}{(javaScript ? "" : "-no-js")}-{++step:00}-{name}");
        }
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (title, titleZh) = ($"Kerbside camera analytics {suffix}", $"路邊鏡頭分析 {suffix}");

        // The award, set up through the HTTP API (officer, vendor, deadline, award); talent hears of it over the bus.
        var scenario = await site.Api.AwardWithTeamRoleAsync(MarketplaceApi.TransportOfficer, vendorEmail, title, titleZh, TimeSpan.FromSeconds(25));
        var projects = await site.Api.EventuallyGetJsonAsync(vendorEmail, "/api/talent/staffing/projects?pageSize=100",
            b => b.GetProperty("items").EnumerateArray().Any(p => p.GetProperty("scenarioId").GetGuid() == scenario), TimeSpan.FromSeconds(30), "talent to staff the award");
        var project = projects.GetProperty("items").EnumerateArray().First(p => p.GetProperty("scenarioId").GetGuid() == scenario).GetProperty("projectId").GetGuid();
        var talentId = (await site.Api.GetJsonAsync(Talent, "/api/talent/me/profile")).GetProperty("id").GetGuid();

        // The vendor: its projects, the project's open role, the matches with their reasons; invites the talent.
        var vendor = await site.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(vendor, vendorEmail, "/talent/staffing");
        await vendor.WaitForSelectorAsync($"[data-testid=project-{project}]");
        Assert.Contains(language == "en" ? title : titleZh, await vendor.InnerTextAsync($"[data-testid=project-{project}]"));
        await Shot(vendor, "projects");
        await vendor.ClickAsync($"[data-testid=project-{project}] a");
        await vendor.WaitForSelectorAsync("[data-testid=roles]");
        Assert.Equal(1, await vendor.Locator("[data-testid=role-0] .tag-open").CountAsync());
        await Shot(vendor, "project-open");
        await vendor.ClickAsync("[data-testid=matches-0]");
        await vendor.WaitForSelectorAsync($"[data-testid=match-{talentId}]");
        var reasons = await vendor.InnerTextAsync($"[data-testid=match-{talentId}] [data-testid=match-reasons]");
        Assert.Contains(language == "en" ? "computer vision at senior level" : "電腦視覺", reasons);
        await Shot(vendor, "matches");
        await vendor.ClickAsync($"[data-testid=invite-{talentId}]");
        await vendor.WaitForSelectorAsync("[data-testid=invited]");
        await Shot(vendor, "invited");
        var requirement = new Regex("/roles/([0-9a-f-]{36})").Match(vendor.Url).Groups[1].Value;

        // The talent: the open role among their matched roles, the invitation, accepted.
        var talent = await site.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(talent, Talent, "/talent/roles");
        await talent.WaitForSelectorAsync("[data-testid=matched-roles]");
        await Shot(talent, "matched-roles");
        await talent.GotoAsync("/talent/invitations");
        var row = $"[data-testid=invitations] tr[data-requirement='{requirement}']";
        await talent.WaitForSelectorAsync(row);
        await Shot(talent, "invitation");
        await talent.ClickAsync($"{row} button[value^='accept:']");
        await talent.WaitForSelectorAsync("[data-testid=invitation-answered]");
        Assert.Equal(1, await talent.Locator($"{row} .tag-accepted").CountAsync());
        await Shot(talent, "accepted");

        // The vendor sees the role filled.
        await vendor.GotoAsync($"/talent/staffing/{project}");
        await vendor.WaitForSelectorAsync("[data-testid=role-0] .tag-filled");
        Assert.Equal("0", (await vendor.InnerTextAsync("dd[data-testid=open-count]")).Trim());
        Assert.Equal("1", (await vendor.InnerTextAsync("dd[data-testid=filled-count]")).Trim());
        await Shot(vendor, "project-filled");

        Assert.Empty(violations);
        await site.Api.CancelScenarioAsync(MarketplaceApi.TransportOfficer, scenario).ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var page in new[] { vendor, talent })
        {
            await page.Context.CloseAsync();
        }
    }
}
