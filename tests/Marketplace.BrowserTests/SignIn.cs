using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>Signs in the way a person does: the header's link, the identity service's sign-in page, back to the page.</summary>
public static class SignIn
{
    public const string Password = "HongKong2026";

    public static async Task AsAsync(IPage page, string email, string returnTo = "/")
    {
        await page.GotoAsync("/sign-in?returnUrl=" + Uri.EscapeDataString(returnTo));
        await page.FillAsync("#username", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=sign-out]");
    }
}
