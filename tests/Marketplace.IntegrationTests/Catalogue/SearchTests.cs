using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Catalogue;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Search;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Text;
using Marketplace.Standalone;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Catalogue;

/// <summary>
/// Search over the demo data through the database's own full-text engine (FTS5 or PostgreSQL text
/// search, or SQL Server's token match); run once per runtime mode on a catalogue seeded from the demo data file.
/// </summary>
public abstract class SearchTests(MarketplaceEnvironment env) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private sealed record RelevanceCase(string Query, Guid ExpectedTop, string Why);

    public async Task InitializeAsync()
    {
        // The class fixture is shared by this class's tests: seed once.
        await using var scope = env.CatalogueServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        await DemoData.Load(DemoDataSeeder.DataFile).Catalogue.ApplyAsync(db, env.Clock.GetUtcNow(),
            scope.ServiceProvider.GetRequiredService<CatalogueOptions>().MinimumProposalPeriod, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> SearchAsync(string query) =>
        await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios?{query}");

    private static async Task<List<RelevanceCase>> RelevanceCasesAsync() =>
        JsonSerializer.Deserialize<List<RelevanceCase>>(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Catalogue", "search-relevance.json")),
            s_json)!;

    [Fact]
    public async Task Twenty_four_English_and_Chinese_queries_rank_the_expected_scenario_first()
    {
        var cases = await RelevanceCasesAsync();
        Assert.True(cases.Count >= 24);
        Assert.True(cases.Count(c => c.Query.Length == 2 && c.Query.All(ch => ch > '\u4E00')) >= 4, "some queries must be two Chinese characters");

        var misses = new List<string>();
        foreach (var relevance in cases)
        {
            var result = await SearchAsync($"q={Uri.EscapeDataString(relevance.Query)}");
            var top = result.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).FirstOrDefault();
            if (top != relevance.ExpectedTop)
            {
                misses.Add($"'{relevance.Query}': got {top} ({result.GetProperty("totalCount").GetInt32()} results), expected {relevance.ExpectedTop} — {relevance.Why}");
            }
        }
        Assert.True(misses.Count == 0, string.Join('\n', misses));
    }

    [Fact]
    public async Task A_two_character_Chinese_query_finds_every_scenario_containing_it_and_nothing_else()
    {
        var result = await SearchAsync("q=" + Uri.EscapeDataString("醫療") + "&pageSize=100");
        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, s => Assert.True(
            new[] { "titleZh", "problemZh", "expectedOutcomesZh" }.Any(f => s.GetProperty(f).GetString()!.Contains("醫療", StringComparison.Ordinal))
            || s.GetProperty("kpis").EnumerateArray().Any(k => k.GetProperty("nameZh").GetString()!.Contains("醫療", StringComparison.Ordinal)),
            $"{s.GetProperty("titleZh").GetString()} does not contain 醫療"));
        var all = await SearchAsync("pageSize=100");
        var expected = all.GetProperty("items").EnumerateArray().Count(s =>
            new[] { "titleZh", "problemZh", "expectedOutcomesZh" }.Any(f => s.GetProperty(f).GetString()!.Contains("醫療", StringComparison.Ordinal))
            || s.GetProperty("kpis").EnumerateArray().Any(k => k.GetProperty("nameZh").GetString()!.Contains("醫療", StringComparison.Ordinal)));
        Assert.Equal(expected, result.GetProperty("totalCount").GetInt32());
        // Relevance is reported, highest first.
        var ranks = items.Select(s => s.GetProperty("relevance").GetDouble()).ToList();
        Assert.Equal(ranks.OrderByDescending(r => r), ranks);
    }

    [Fact]
    public async Task SQL_Servers_token_match_finds_what_the_full_text_engine_finds_and_ranks_the_same_scenario_first()
    {
        // SQL Server's path is plain LINQ, so it runs here on this mode's own engine, beside FTS5 or tsvector.
        await using var scope = env.CatalogueServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<IScenarioSearch>();
        var tokenMatch = new TokenMatchScenarioSearch();
        var cases = await RelevanceCasesAsync();

        var misses = new List<string>();
        foreach (var query in cases.Select(c => c.Query).Append("醫療"))
        {
            var tokens = SearchTokens.Query(query);
            var expected = (await engine.Hits(db, tokens).Select(h => h.ScenarioId).ToListAsync()).Order().ToList();
            var actual = (await tokenMatch.Hits(db, tokens).Select(h => h.ScenarioId).ToListAsync()).Order().ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
        foreach (var relevance in cases)
        {
            // As the listing orders a text query: relevance, then the newest first.
            var top = await (from s in db.Scenarios
                             where s.Status != ScenarioStatus.Draft && s.Status != ScenarioStatus.Submitted
                             join h in tokenMatch.Hits(db, SearchTokens.Query(relevance.Query)) on s.Id equals h.ScenarioId
                             orderby h.Rank descending, s.PublishedAt descending, s.Id
                             select s.Id).FirstOrDefaultAsync();
            if (top != relevance.ExpectedTop)
            {
                misses.Add($"'{relevance.Query}': got {top}, expected {relevance.ExpectedTop} — {relevance.Why}");
            }
        }
        Assert.True(misses.Count == 0, string.Join('\n', misses));
    }

    [Fact]
    public async Task Filters_facets_sorting_and_paging_combine_with_the_text_query()
    {
        var all = await SearchAsync("pageSize=100");
        var total = all.GetProperty("totalCount").GetInt32();
        Assert.Equal(24, total);
        var facets = all.GetProperty("facets");
        Assert.Equal(total, facets.GetProperty("area").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()));
        Assert.Equal(total, facets.GetProperty("status").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()));
        Assert.Contains(facets.GetProperty("capability").EnumerateArray(), f => f.GetProperty("value").GetString() == "computer-vision");

        var healthcare = await SearchAsync("sector=healthcare&pageSize=100");
        var healthcareCount = facets.GetProperty("sector").EnumerateArray().Single(f => f.GetProperty("value").GetString() == "healthcare").GetProperty("count").GetInt32();
        Assert.Equal(healthcareCount, healthcare.GetProperty("totalCount").GetInt32());
        Assert.All(healthcare.GetProperty("facets").GetProperty("sector").EnumerateArray(), f => Assert.Equal("healthcare", f.GetProperty("value").GetString()));

        var budget = await SearchAsync("budgetMin=5000000&budgetMax=8000000&pageSize=100");
        Assert.All(budget.GetProperty("items").EnumerateArray(), s =>
            Assert.True(s.GetProperty("budgetMaxHkd").GetDecimal() >= 5_000_000m && s.GetProperty("budgetMinHkd").GetDecimal() <= 8_000_000m));

        var now = env.Clock.GetUtcNow();
        var open = await SearchAsync($"status=Published&deadlineFrom={Uri.EscapeDataString(now.ToString("O"))}&sort=deadline&pageSize=100");
        Assert.Equal(16, open.GetProperty("totalCount").GetInt32());
        var deadlines = open.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("proposalDeadline").GetDateTimeOffset()).ToList();
        Assert.Equal(deadlines.Order(), deadlines);

        var page2 = await SearchAsync("pageSize=5&page=2&sort=budget");
        var page1 = await SearchAsync("pageSize=5&page=1&sort=budget");
        Assert.Empty(page1.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid())
            .Intersect(page2.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid())));
        Assert.True(page1.GetProperty("items")[4].GetProperty("budgetMaxHkd").GetDecimal() >= page2.GetProperty("items")[0].GetProperty("budgetMaxHkd").GetDecimal());

        var bad = await env.CatalogueClient().GetAsync("/api/catalogue/scenarios?sort=popularity&area=Moon&q=" + new string('x', 201));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("sort", out _) && errors.TryGetProperty("area", out _) && errors.TryGetProperty("q", out _));
    }
}

public sealed class SearchTests_Standalone(StandaloneEnvironment env) : SearchTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class SearchTests_Distributed(DistributedEnvironment env) : SearchTests(env), IClassFixture<DistributedEnvironment>;
