using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>
/// The talent area's other pages in both languages with axe: a talent's profile with consent and its history, the data
/// export, the erasure's confirmation step; a vendor's employees and an enrolment with its computed subsidy and
/// explanation, completed; the administrator's programmes, unmapped skills and skill-gap charts with their CSV. Once in
/// English without JavaScript for the forms.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TalentPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", true)]
    [InlineData("en", false)]
    public async Task A_talent_keeps_their_profile_and_consent_a_vendor_enrols_an_employee_and_an_administrator_reads_the_skill_gap(string language, bool javaScript)
    {
        var step = 0;
        var violations = new List<string>();
        async Task Shot(IPage page, string name)
        {
            if (javaScript)
            {
                violations.AddRange(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
            }
            await BrowserFixture.ScreenshotAsync(page, $"talent-pages-{language}{(javaScript ? "" : "-no-js")}-{++step:00}-{name}");
        }

        // A talent who does not consent: gives consent (recorded in the history, HK time), withdraws it again, saves the profile.
        var talent = await browser.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(talent, "talent.chan@demo.hk", "/talent/profile");
        await talent.WaitForSelectorAsync("[data-testid=profile-form]");
        await Shot(talent, "profile");
        var before = await talent.Locator("[data-testid=consent-history] tbody tr").CountAsync();
        for (var i = 0; i < 2; i++)
        {
            await talent.GotoAsync("/talent/profile");
            await talent.ClickAsync("[data-testid=consent-toggle]");
            await talent.WaitForSelectorAsync("[data-testid=profile-saved]");
        }
        Assert.Equal(before + 2, await talent.Locator("[data-testid=consent-history] tbody tr").CountAsync());
        Assert.Contains("HKT", await talent.InnerTextAsync("[data-testid=consent-history] tbody tr:first-child"));
        await talent.GotoAsync("/talent/profile");
        await talent.FillAsync("#sharePercent", "0");
        await talent.ClickAsync("[data-testid=save-profile]");
        await talent.WaitForSelectorAsync("[data-testid=error-sharePercent]");
        Assert.Equal("0", await talent.InputValueAsync("#sharePercent"));
        await Shot(talent, "profile-error");
        await talent.FillAsync("#sharePercent", "40");
        await talent.ClickAsync("[data-testid=save-profile]");
        await talent.WaitForSelectorAsync("[data-testid=profile-saved]");
        await Shot(talent, "profile-saved");
        var export = await talent.Context.APIRequest.GetAsync("/talent/profile/export.json");
        Assert.Equal(200, export.Status);
        Assert.Contains("consentHistory", await export.TextAsync());
        await talent.GotoAsync("/talent/roles");
        await talent.WaitForSelectorAsync("[data-testid=no-matched-roles]");
        await Shot(talent, "roles-empty");
        await talent.GotoAsync("/talent/my-training");
        await talent.WaitForSelectorAsync("h1");
        await Shot(talent, "my-training");
        // Erasure asks for a confirmation first; without it nothing is erased.
        await talent.GotoAsync("/talent/profile/erase");
        await talent.ClickAsync("[data-testid=erase]");
        await talent.WaitForSelectorAsync("#confirm-error");
        await Shot(talent, "erase-unconfirmed");
        await talent.GotoAsync("/talent/profile");
        await talent.WaitForSelectorAsync("[data-testid=consent-state]");

        // A vendor: its employees, the training page, an enrolment with its subsidy explained, completed.
        var vendor = await browser.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(vendor, "vendor.harbourlight@demo.hk", "/talent/employees");
        await vendor.WaitForSelectorAsync("[data-testid=employees]");
        await Shot(vendor, "employees");
        await vendor.GotoAsync("/talent/training");
        await vendor.WaitForSelectorAsync("[data-testid=subsidy-usage]");
        await Shot(vendor, "training");
        await vendor.ClickAsync("[data-testid=programmes] a[data-testid^=enrol-]");
        await vendor.WaitForSelectorAsync("[data-testid=quote-explanation]");
        Assert.Contains("HK$", await vendor.InnerTextAsync("[data-testid=quote-explanation]"));
        await vendor.ClickAsync("[data-testid=enrol]");
        await vendor.WaitForSelectorAsync("[data-testid=error-talentId]");
        await Shot(vendor, "enrol-error");
        await vendor.SelectOptionAsync("[data-testid=employee]", new SelectOptionValue { Index = 1 });
        await Shot(vendor, "enrol");
        await vendor.ClickAsync("[data-testid=enrol]");
        await vendor.WaitForSelectorAsync("[data-testid=training-done]");
        await vendor.ClickAsync("[data-testid=enrolments] button[data-testid^=complete-]");
        await vendor.WaitForSelectorAsync("[data-testid=training-done]");
        await Shot(vendor, "completed");

        // The administrator: programmes (a new one, refused first), unmapped skills, the skill-gap charts and their CSV.
        var admin = await browser.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(admin, "admin@demo.hk", "/admin/talent");
        await Shot(admin, "admin-talent");
        await admin.GotoAsync("/admin/talent/programmes/new");
        await admin.ClickAsync("[data-testid=save-programme]");
        await admin.WaitForSelectorAsync("[data-testid=error-summary]");
        await Shot(admin, "programme-error");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await admin.FillAsync("#titleEn", $"Responsible AI for officers {suffix}");
        await admin.FillAsync("#titleZh", $"負責任人工智能 {suffix}");
        await admin.FillAsync("#providerNameEn", "Harbour Institute");
        await admin.FillAsync("#providerNameZh", "海港學院");
        await admin.SelectOptionAsync("#skills", new SelectOptionValue { Index = 0 });
        await admin.FillAsync("#feeHkd", "12,000");
        await admin.FillAsync("#hours", "16");
        await admin.ClickAsync("[data-testid=save-programme]");
        await admin.WaitForSelectorAsync("[data-testid=programme-saved]");
        Assert.Contains(suffix, await admin.InnerTextAsync("[data-testid=programmes]"));
        await Shot(admin, "programmes");
        await admin.GotoAsync("/admin/talent/unmapped-skills");
        await admin.WaitForSelectorAsync("h1");
        await Shot(admin, "unmapped");
        await admin.GotoAsync("/admin/talent/skill-gap");
        await admin.WaitForSelectorAsync("[data-testid=chart-gap-by-skill] svg[role=img] desc", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        Assert.Equal(2, await admin.Locator("[data-testid=chart-gap-monthly] svg polyline").CountAsync());
        Assert.Equal(5, await admin.Locator("[data-testid=table-gap-by-seniority] tbody tr").CountAsync());
        await Shot(admin, "skill-gap");
        var csv = await admin.Context.APIRequest.GetAsync("/admin/talent/skill-gap.csv?part=monthly");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("month,demand,supply", (await csv.TextAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);

        Assert.Empty(violations);
        foreach (var page in new[] { talent, vendor, admin })
        {
            await page.Context.CloseAsync();
        }
    }
}
