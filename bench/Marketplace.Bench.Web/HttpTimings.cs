using System.Diagnostics;
using System.Net;

namespace Marketplace.Bench.Web;

/// <summary>
/// The server-rendered HTML as a plain HTTP client gets it: time to the first byte of the body (headers read, then one
/// byte), and time to the whole document. Each user is an anonymous visitor with its own connection pool and cookies,
/// requesting the page in a loop; one unmeasured request per user first (connection, tiered JIT already warmed by
/// the warm-up round).
/// </summary>
internal static class HttpTimings
{
    public static async Task<Samples> RunAsync(Uri site, string path, int users, int runsPerUser)
    {
        var samples = new Samples();
        // Warm-up: the first requests of a page compile its components and fill the taxonomy cache.
        using (var warm = Client(site))
        {
            for (var i = 0; i < 5; i++)
            {
                await TimeOnceAsync(warm, path);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, users).Select(async _ =>
        {
            using var http = Client(site);
            await TimeOnceAsync(http, path);
            for (var run = 0; run < runsPerUser; run++)
            {
                var (first, whole) = await TimeOnceAsync(http, path);
                samples.Add(first, whole);
            }
        }));
        return samples;
    }

    private static HttpClient Client(Uri site) => new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = site,
        Timeout = TimeSpan.FromSeconds(120),
        DefaultRequestHeaders = { { "Accept-Language", "en" }, { "Accept", "text/html" } },
    };

    private static async Task<(double FirstByte, double Whole)> TimeOnceAsync(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[16 * 1024];
        var read = await body.ReadAsync(buffer.AsMemory(0, 1));
        var first = clock.Elapsed.TotalMilliseconds;
        while (read > 0)
        {
            read = await body.ReadAsync(buffer);
        }
        return (first, clock.Elapsed.TotalMilliseconds);
    }
}
