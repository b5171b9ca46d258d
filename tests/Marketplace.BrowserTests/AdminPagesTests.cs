using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>
/// The administrator's pages: approving a vendor, creating and publishing a batch, approving a submission (made through
/// the API) and the statistics, in both languages; then the same forms with JavaScript off.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AdminPagesTests(BrowserFixture browser)
{
    private const string Admin = "admin@demo.hk";

    [Theory]
    [InlineData("en", 2021, "Approved", "Published")]
    [InlineData("zh-HK", 2022, "已批准", "已發布")]
    public async Task An_administrator_approves_a_vendor_creates_and_publishes_a_batch_approves_a_submission_and_reads_the_statistics(
        string language, int year, string approvedWord, string publishedWord)
    {
        var tag = $"{language}-{Guid.NewGuid():N}"[..14];
        var vendor = await browser.Api.RegisterVendorAsync(tag);
        var page = await browser.NewPageAsync(language);
        var violations = new List<string>();
        await SignIn.AsAsync(page, Admin, "/admin");
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        await StepAsync(page, $"admin-home-{language}", violations);

        // A vendor's registration, found by its name, approved.
        await page.GotoAsync("/admin/organisations?status=Pending&search=" + Uri.EscapeDataString(vendor));
        Assert.Equal(1, await page.Locator("[data-testid=organisations] tbody tr").CountAsync());
        await StepAsync(page, $"admin-organisations-{language}", violations);
        await page.ClickAsync("[data-testid=organisations] tbody a");
        await page.WaitForSelectorAsync("[data-testid=approve]");
        await StepAsync(page, $"admin-organisation-pending-{language}", violations);
        await page.ClickAsync("[data-testid=approve]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        Assert.Contains(approvedWord, await page.InnerTextAsync("[data-testid=organisation-status]"));
        await StepAsync(page, $"admin-organisation-approved-{language}", violations);

        // A new batch.
        await page.GotoAsync("/admin/batches");
        await StepAsync(page, $"admin-batches-{language}", violations);
        var batchId = await CreateBatchAsync(page, year);
        await StepAsync(page, $"admin-batch-created-{language}", violations);

        // A department submits a scenario for it; the administrator approves it.
        var title = $"Website accessibility checks {tag}";
        var scenario = await SubmitScenarioAsync(batchId, title);
        await page.GotoAsync($"/admin/scenarios/{scenario}/return");
        await StepAsync(page, $"admin-return-{language}", violations);
        await page.GotoAsync("/admin/scenarios");
        Assert.True(await page.IsVisibleAsync($"[data-testid=submission-{scenario}]"));
        await StepAsync(page, $"admin-approvals-{language}", violations);
        await page.ClickAsync($"[data-testid=approve-{scenario}]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        Assert.Equal(0, await page.Locator($"[data-testid=approve-{scenario}]").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, $"admin-approved-{language}");

        // Publishing the batch publishes the approved scenario.
        await page.GotoAsync($"/admin/batches/{batchId}");
        Assert.Equal("1", (await page.InnerTextAsync("[data-testid=approved-count]")).Trim());
        await page.ClickAsync("[data-testid=publish-batch]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        Assert.Contains(publishedWord, await page.InnerTextAsync("[data-testid=batch-status]"));
        Assert.Equal("1", (await page.InnerTextAsync("[data-testid=public-count]")).Trim());
        await StepAsync(page, $"admin-batch-published-{language}", violations);
        await browser.Api.CancelScenarioAsync(MarketplaceApi.DigitalPolicyOfficer, scenario);

        // The statistics: each chart an SVG with a title and text alternative, and the same numbers as a table.
        await page.GotoAsync("/admin/statistics");
        foreach (var chart in new[] { "by-area", "by-status", "proposals", "award-share", "time-to-award" })
        {
            Assert.True(await page.IsVisibleAsync($"[data-testid=chart-{chart}] h2"), chart);
        }
        var svg = page.Locator("[data-testid=chart-by-area] svg");
        Assert.Equal("img", await svg.GetAttributeAsync("role"));
        Assert.False(string.IsNullOrWhiteSpace(await svg.Locator("desc").TextContentAsync()));
        Assert.Equal(6, await page.Locator("[data-testid=table-by-area] tbody tr").CountAsync());
        Assert.Equal(0, await page.Locator("svg [style]").CountAsync());
        await StepAsync(page, $"admin-statistics-{language}", violations);

        await page.GotoAsync("/admin/events");
        Assert.True(await page.IsVisibleAsync("[data-testid=no-dead-letters-catalogue]"));
        await StepAsync(page, $"admin-events-{language}", violations);

        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_administrators_forms_work_without_JavaScript_and_show_the_APIs_messages_next_to_their_fields()
    {
        var tag = $"nojs-{Guid.NewGuid():N}"[..14];
        var vendor = await browser.Api.RegisterVendorAsync(tag);
        var page = await browser.NewPageAsync(javaScript: false);
        await SignIn.AsAsync(page, Admin, "/admin");

        // Rejecting needs a reason: the API's message stands next to the field.
        await page.GotoAsync("/admin/organisations?status=Pending&search=" + Uri.EscapeDataString(vendor));
        await page.ClickAsync("[data-testid=organisations] tbody a");
        await page.ClickAsync("[data-testid=reject]");
        await page.WaitForSelectorAsync("[data-testid=error-reason]");
        Assert.Contains("reason-error", await page.GetAttributeAsync("#reason", "aria-describedby") ?? "");
        await BrowserFixture.ScreenshotAsync(page, "admin-reject-error-no-js-en");
        await page.FillAsync("#reason", "The business registration number belongs to another company.");
        await page.ClickAsync("[data-testid=reject]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        Assert.Contains("Rejected", await page.InnerTextAsync("[data-testid=organisation-status]"));

        // A batch without its fields is refused field by field; then created.
        await page.GotoAsync("/admin/batches");
        await page.ClickAsync("[data-testid=create-batch]");
        await page.WaitForSelectorAsync("[data-testid=error-summary]");
        Assert.True(await page.IsVisibleAsync("[data-testid=error-proposalDeadline]"));
        await BrowserFixture.ScreenshotAsync(page, "admin-batch-error-no-js-en");
        var batchId = await CreateBatchAsync(page, 2023);

        // One submission returned with a reason, another approved, then the batch published.
        var returned = await SubmitScenarioAsync(batchId, $"Website accessibility checks {tag} A");
        var approved = await SubmitScenarioAsync(batchId, $"Website accessibility checks {tag} B");
        await page.GotoAsync("/admin/scenarios");
        await page.ClickAsync($"[data-testid=return-{returned}]");
        await page.ClickAsync("[data-testid=return]");
        await page.WaitForSelectorAsync("[data-testid=error-reason]");
        await page.FillAsync("#reason", "Name the data format of the sitemaps.");
        await page.ClickAsync("[data-testid=return]");
        await page.ArrivedAtAsync(new Regex("done=scenario-returned"));
        Assert.Equal(0, await page.Locator($"[data-testid=submission-{returned}]").CountAsync());
        await page.ClickAsync($"[data-testid=approve-{approved}]");
        await page.ArrivedAtAsync(new Regex("done=scenario-approved"));
        await page.GotoAsync($"/admin/batches/{batchId}");
        await page.ClickAsync("[data-testid=publish-batch]");
        await page.ArrivedAtAsync(new Regex("done=published"));
        Assert.Equal("1", (await page.InnerTextAsync("[data-testid=public-count]")).Trim());
        await BrowserFixture.ScreenshotAsync(page, "admin-batch-published-no-js-en");
        await browser.Api.CancelScenarioAsync(MarketplaceApi.DigitalPolicyOfficer, approved);
        await page.Context.CloseAsync();
    }

    /// <summary>Fills the new-batch form (a year the demo data does not use, a random number) and returns the new batch's id.</summary>
    private static async Task<Guid> CreateBatchAsync(IPage page, int year)
    {
        await page.FillAsync("#year", year.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#number", Random.Shared.Next(10, 99).ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#descriptionEn", "Scenarios for digital government services.");
        await page.FillAsync("#descriptionZh", "數碼政府服務的應用場景。");
        var deadline = DateTimeOffset.UtcNow.AddDays(40).ToOffset(TimeSpan.FromHours(8));
        await page.FillAsync("#proposalDeadline", deadline.ToString("yyyy-MM-dd'T'18:00", CultureInfo.InvariantCulture));
        await page.ClickAsync("[data-testid=create-batch]");
        await page.ArrivedAtAsync(BatchPage());
        return Guid.Parse(BatchPage().Match(page.Url).Groups[1].Value);
    }

    /// <summary>A scenario of the Digital Policy Office, submitted for the batch (the department's step, through the API).</summary>
    private async Task<Guid> SubmitScenarioAsync(Guid batchId, string title)
    {
        var id = await browser.Api.DraftScenarioAsync(MarketplaceApi.DigitalPolicyOfficer, title);
        await browser.Api.SubmitScenarioAsync(MarketplaceApi.DigitalPolicyOfficer, id, batchId);
        return id;
    }

    private static async Task StepAsync(IPage page, string screenshot, List<string> violations)
    {
        await BrowserFixture.ScreenshotAsync(page, screenshot);
        violations.AddRange(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
    }

    [GeneratedRegex("/admin/batches/([0-9a-f-]{36})")]
    private static partial Regex BatchPage();
}
