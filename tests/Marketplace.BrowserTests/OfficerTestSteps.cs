using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>What every step of the officer's browser tests does after it acts: a screenshot, and axe where scripts run.</summary>
internal static class OfficerTestSteps
{
    public static async Task CheckAsync(IPage page, string step, string language, bool javaScript)
    {
        Assert.Equal(language == "en" ? "en" : "zh-HK", await page.GetAttributeAsync("html", "lang"));
        if (javaScript)
        {
            // axe runs as a script in the page, so only where scripts run; the markup is the same either way.
            Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        }
        await BrowserFixture.ScreenshotAsync(page, $"officer-{step}-{(language == "en" ? "en" : "zh")}{(javaScript ? "" : "-no-js")}");
    }

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
