using System.Diagnostics;
using Microsoft.Playwright;

namespace Marketplace.Bench.Web;

/// <summary>
/// Full page loads and enhanced navigations in Debian's Chromium, headless. Each user is its own browser context (its
/// own cookies and cache, as a returning visitor: the stylesheet and blazor.web.js come from the cache after the first
/// load) in one shared browser process.
/// </summary>
internal sealed class BrowserTimings : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _site;

    private BrowserTimings(IPlaywright playwright, IBrowser browser, Uri site) => (_playwright, _browser, _site) = (playwright, browser, site);

    public static async Task<BrowserTimings> StartAsync(string chromium, Uri site)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            Headless = true,
        });
        return new BrowserTimings(playwright, browser, site);
    }

    /// <summary>Navigation start to the <c>load</c> event (the document, its stylesheet and scripts, blazor.web.js started).</summary>
    public Task<Samples> LoadAsync(PageUnderTest target, int users, int runsPerUser) => PerUserAsync(users, runsPerUser, async (page, samples) =>
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(target.Path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        samples.Add(clock.Elapsed.TotalMilliseconds);
        await page.WaitForSelectorAsync(target.Ready);
    });

    /// <summary>
    /// From the click on a link until the target's content shows, with blazor.web.js fetching the page and patching the
    /// DOM. A marker set on <c>window</c> before the click must survive: if it does not, the browser made a full load
    /// instead and the sample is rejected.
    /// </summary>
    public Task<Samples> NavigateAsync(Navigation navigation, int users, int runsPerUser) => PerUserAsync(users, runsPerUser, async (page, samples) =>
    {
        await page.GotoAsync(navigation.From.Path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.WaitForSelectorAsync(navigation.From.Ready);
        // Enhanced navigation needs Blazor started; it is once the script has attached to the page.
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.EvaluateAsync("() => { window.benchMarker = 1; }");
        var clock = Stopwatch.StartNew();
        await page.ClickAsync(navigation.Link);
        await page.WaitForSelectorAsync(navigation.Ready);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (await page.EvaluateAsync<bool>("() => window.benchMarker === 1"))
        {
            samples.Add(elapsed);
        }
        else
        {
            samples.Reject();
        }
    });

    private async Task<Samples> PerUserAsync(int users, int runsPerUser, Func<IPage, Samples, Task> once)
    {
        var samples = new Samples();
        var contexts = new List<IBrowserContext>();
        try
        {
            var pages = new List<IPage>();
            for (var i = 0; i < users; i++)
            {
                var context = await _browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = _site.ToString(),
                    Locale = "en",
                    ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                });
                context.SetDefaultTimeout(120_000);
                contexts.Add(context);
                pages.Add(await context.NewPageAsync());
            }
            // One unmeasured round per user: the cache is filled, the page's components compiled.
            var warmUp = new Samples();
            await Task.WhenAll(pages.Select(page => once(page, warmUp)));
            await Task.WhenAll(pages.Select(async page =>
            {
                for (var run = 0; run < runsPerUser; run++)
                {
                    await once(page, samples);
                }
            }));
            return samples;
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
