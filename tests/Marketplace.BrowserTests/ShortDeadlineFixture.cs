using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>
/// A standalone host whose proposal deadlines can pass within a test: the Development environment (the only one that
/// allows <c>Catalogue:MinimumProposalPeriodDays=0</c>), deadlines checked and proposals opened every second, questions open until the deadline. For flows
/// that go past a deadline (evaluation and award, later the cross-role flow); the production guard stays as it is.
/// </summary>
public sealed class ShortDeadlineFixture : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Catalogue__MinimumProposalPeriodDays"] = "0",
        ["Catalogue__DeadlineCheckSeconds"] = "1",
        // Questions may be asked up to the deadline itself, which is minutes away here.
        ["Catalogue__ClarificationCutOffDays"] = "0",
        ["Matching__ProposalOpeningSeconds"] = "1",
    };

    private IPlaywright? _playwright;

    public StandaloneSite Site { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Data set up through the HTTP API, as the other roles would (scenarios published, questions asked, proposals submitted).</summary>
    public MarketplaceApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var site = StandaloneSite.StartAsync("Development", Settings);
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
        Site = await site;
        Api = new MarketplaceApi(Site.BaseAddress);
    }

    /// <summary>A fresh browser context (no cookies) on the site, in the given language.</summary>
    public Task<IPage> NewPageAsync(string language = "en", bool javaScript = true) => BrowserFixture.NewPageAsync(Browser, Site, language, javaScript);

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
public sealed class ShortDeadlineCollection : ICollectionFixture<ShortDeadlineFixture>
{
    public const string Name = "browser-short-deadlines";
}
