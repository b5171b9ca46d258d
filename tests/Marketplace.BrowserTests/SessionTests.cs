using System.Text.RegularExpressions;

namespace Marketplace.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SessionTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_officer_signs_in_through_the_identity_service_sees_their_actions_and_signs_out_of_both()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/officer/scenarios");
        // Not signed in: the page sends the browser to the identity service's sign-in page.
        await page.ArrivedAtAsync(new Regex("/api/identity/account/sign-in"));
        await page.FillAsync("#username", "officer.td@demo.hk");
        await page.FillAsync("#password", SignIn.Password);
        await page.ClickAsync("button[type=submit]");
        await page.ArrivedAtAsync(new Regex("/officer/scenarios$"));

        Assert.True(await page.IsVisibleAsync("[data-testid=nav-my-scenarios]"));
        Assert.True(await page.IsVisibleAsync("[data-testid=new-scenario]"));
        // No token reaches the browser: the session cookie is HttpOnly and holds only a key.
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "__mp_session");
        Assert.True(session.HttpOnly);
        Assert.DoesNotContain("eyJ", session.Value, StringComparison.Ordinal);
        Assert.Equal("null", await page.EvaluateAsync<string>("JSON.stringify(Object.keys(localStorage).length ? localStorage : null)"));
        await BrowserFixture.ScreenshotAsync(page, "my-scenarios-en");

        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForSelectorAsync("[data-testid=sign-in]");

        // The identity service's session ended too: signing in again asks for the password.
        await page.GotoAsync("/officer/scenarios");
        await page.ArrivedAtAsync(new Regex("/api/identity/account/sign-in"));
        Assert.True(await page.IsVisibleAsync("#password"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_vendor_sees_no_officer_actions_and_gets_the_friendly_forbidden_page()
    {
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, "vendor.harbourlight@demo.hk");

        Assert.False(await page.IsVisibleAsync("[data-testid=nav-my-scenarios]"));
        var response = await page.GotoAsync("/officer/scenarios/new");

        Assert.Equal(403, response!.Status);
        Assert.Equal("You cannot see this page", await page.InnerTextAsync("[data-testid=error-status]"));
        await page.Context.CloseAsync();
    }
}
