using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>One standalone host and one Chromium for the whole run; each test opens its own context (cookies, JavaScript on or off).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public StandaloneSite Site { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Other roles' steps through the HTTP API (a vendor registering, an officer submitting, a batch published).</summary>
    public MarketplaceApi Api { get; private set; } = null!;

    /// <summary>Screenshots are kept after the run, under the repository's TestResults/screenshots.</summary>
    public static string ScreenshotFolder => Directory.CreateDirectory(Path.Combine(StandaloneSite.RepositoryRoot, "TestResults", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var site = StandaloneSite.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
        Site = await site;
        Api = new MarketplaceApi(Site.BaseAddress);
    }

    /// <summary>Debian's Chromium (or MARKETPLACE_TEST_CHROMIUM), headless.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MARKETPLACE_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            Headless = true,
        });

    /// <summary>A fresh browser context (no cookies) on the site, in the given language.</summary>
    public Task<IPage> NewPageAsync(string language = "en", bool javaScript = true) => NewPageAsync(Browser, Site, language, javaScript);

    /// <summary>A fresh browser context (no cookies) of this browser on that site, in the given language.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, StandaloneSite site, string language, bool javaScript)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = language,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // A ceiling, not a target: three standalone hosts, their browsers and the other test lane share two cores, and a
        // server-rendered page that calls two services has been seen to take over 15 s to finish loading there.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>axe-core's serious and critical findings on the page as it is now (none is the bar).</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} – {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
