using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>
/// The one way the browser tests wait for the page a step leads to: the new address, then the new document parsed. Not
/// Playwright's default <c>load</c> event: on a loaded machine it came after the 15 s timeout although the page was in
/// place. With enhanced navigation the address can change before the new content is patched in, so each step then waits
/// for the content it reads.
/// </summary>
internal static class PageWaits
{
    public static Task ArrivedAtAsync(this IPage page, Regex address) =>
        ArrivedAsync(page, () => page.WaitForURLAsync(address, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit }));

    /// <param name="glob">A glob such as <c>**/open-data</c>.</param>
    public static Task ArrivedAtAsync(this IPage page, string glob) =>
        ArrivedAsync(page, () => page.WaitForURLAsync(glob, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit }));

    private static async Task ArrivedAsync(IPage page, Func<Task> address)
    {
        try
        {
            await address();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }
        catch (TimeoutException e)
        {
            // Says what the page shows instead: an API's message, usually.
            throw new TimeoutException($"Still on {page.Url}, which shows: {await MainTextAsync(page)}", e);
        }
    }

    private static async Task<string> MainTextAsync(IPage page)
    {
        try
        {
            return await page.InnerTextAsync("main", new PageInnerTextOptions { Timeout = 2_000 });
        }
        catch (PlaywrightException)
        {
            return "(no main element)";
        }
    }
}
