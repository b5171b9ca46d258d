using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.SystemTests;

public sealed class StandaloneProcessTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "marketplace-standalone-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_standalone_host_starts_seeds_demo_data_and_serves_the_published_scenario_list()
    {
        var dll = HostProcess.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone");
        var environment = new Dictionary<string, string> { ["Database__DataFolder"] = _dataFolder };

        await using (var host = await HostProcess.StartAsync(dll, environment))
        {
            // The welcome banner with the demo accounts follows Kestrel's own start-up line.
            await Eventually.Until(() => Task.FromResult(host.Output), o => o.Contains("Demo accounts", StringComparison.Ordinal), what: "the welcome banner");
            Assert.Contains("officer.td@demo.hk", host.Output);
            Assert.Contains("vendor.", host.Output);
            var client = host.Client();

            var list = await client.GetFromJsonAsync<JsonElement>("/api/catalogue/scenarios?status=Published&pageSize=100");
            var items = list.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(16, list.GetProperty("totalCount").GetInt32());
            // Earlier batches show the rest of the lifecycle.
            var all = await client.GetFromJsonAsync<JsonElement>("/api/catalogue/scenarios?pageSize=100");
            Assert.Equal(24, all.GetProperty("totalCount").GetInt32());
            Assert.Contains(all.GetProperty("facets").GetProperty("status").EnumerateArray(), f => f.GetProperty("value").GetString() == "Completed");
            Assert.All(items, s => Assert.Equal("Published", s.GetProperty("status").GetString()));
            Assert.All(items, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("titleZh").GetString())));
            Assert.All(items, s => Assert.NotNull(s.GetProperty("department").GetProperty("nameZh").GetString()));
            Assert.Equal(6, items.Select(s => s.GetProperty("area").GetString()).Distinct().Count());

            // A demo vendor signs in with the documented password, and matching built its read model from the seeded events.
            Assert.Contains("HongKong2026", host.Output);
            var token = await TokenEndpoint.SignInAsync(client, "vendor.harbourlight@demo.hk", "HongKong2026");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await Eventually.Until(
                async () => (await client.GetFromJsonAsync<JsonElement>("/api/matching/open-scenarios")).GetProperty("totalCount").GetInt32(),
                n => n == 16, what: "matching's read model of the seeded scenarios");
            // The strong-match pass runs on start-up: the demo startup hears of the scenario it fits.
            var inbox = await Eventually.Until(
                () => client.GetFromJsonAsync<JsonElement>("/api/matching/notifications?kind=StrongMatch"),
                i => i.GetProperty("totalCount").GetInt32() > 0, TimeSpan.FromSeconds(60), "a strong-match notification for the demo vendor");
            Assert.StartsWith("Strong match: ", inbox.GetProperty("items")[0].GetProperty("titleEn").GetString());
            // Talent's demo: the vendor's staffing of its awarded project, and a demo talent's own profile.
            var staffing = await client.GetFromJsonAsync<JsonElement>("/api/talent/staffing/projects");
            Assert.True(staffing.GetProperty("totalCount").GetInt32() > 0);
            var programmes = await client.GetFromJsonAsync<JsonElement>("/api/talent/training/programmes");
            Assert.Equal(2, programmes.GetProperty("totalCount").GetInt32());
            var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
            Assert.Equal("Healthy", ready.GetProperty("status").GetString());
            using var talent = host.Client();
            talent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenEndpoint.SignInAsync(talent, "talent.cheng@demo.hk", "HongKong2026"));
            var profile = await talent.GetFromJsonAsync<JsonElement>("/api/talent/me/profile");
            Assert.True(profile.GetProperty("consentToMatch").GetBoolean());
        }

        // A second start on the same data folder keeps the data and does not seed twice.
        await using (var again = await HostProcess.StartAsync(dll, environment))
        {
            var list = await again.Client().GetFromJsonAsync<JsonElement>("/api/catalogue/scenarios?status=Published");
            Assert.Equal(16, list.GetProperty("totalCount").GetInt32());
            Assert.DoesNotContain("Seeded demo data", again.Output);
        }
    }

    [Fact]
    public async Task The_standalone_host_started_from_another_working_directory_keeps_its_data_beside_the_application()
    {
        var dll = HostProcess.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_dataFolder, "working-directory")).FullName;
        // A relative data folder: resolved against the application's folder, not the working directory.
        var relative = "data-" + Guid.NewGuid().ToString("N");
        var resolved = Path.Combine(Path.GetDirectoryName(dll)!, relative);
        var environment = new Dictionary<string, string> { ["Database__DataFolder"] = relative, ["Standalone__SeedDemoData"] = "false" };
        try
        {
            await using var host = await HostProcess.StartAsync(dll, environment, elsewhere);
            var client = host.Client();

            var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
            Assert.Equal("Healthy", ready.GetProperty("status").GetString());
            var list = await client.GetFromJsonAsync<JsonElement>("/api/catalogue/scenarios");
            Assert.Equal(0, list.GetProperty("totalCount").GetInt32());
            Assert.DoesNotContain("no such table", host.Output, StringComparison.OrdinalIgnoreCase);
            Assert.True(File.Exists(Path.Combine(resolved, "identity.db")), $"identity.db not in {resolved}");
            Assert.Empty(Directory.GetFileSystemEntries(elsewhere));

            // An unknown path is 404 problem details to an anonymous caller, through the real pipeline too.
            using var unknown = await client.GetAsync("/api/catalogue/no-such-resource");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            if (Directory.Exists(resolved))
            {
                Directory.Delete(resolved, recursive: true);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
