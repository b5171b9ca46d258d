using System.Net;
using System.Net.Http.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.IntegrationTests.Talent.TalentArrangement;

namespace Marketplace.IntegrationTests.Talent;

/// <summary>
/// Subsidised training: programmes by providers and administrators, enrolments whose subsidy is
/// bounded by the enterprise's cap in the financial year (31 March 23:59 against 1 April 00:00,
/// Hong Kong time), and completion adding the course's skills. Run once per runtime mode.
/// </summary>
public abstract class TrainingTests(MarketplaceEnvironment env)
{
    private static object Programme(string title, decimal fee, params string[] skills) => new
    {
        titleEn = title, titleZh = "機器學習運維實務", providerNameEn = "Harbour Institute", providerNameZh = "海港學院",
        skills, feeHkd = fee, hours = 40,
        subsidy = new { schemeCode = "NITTP", governmentShare = 1, enterpriseShare = 1, capPerEnterprisePerYearHkd = 250_000m },
    };

    [Fact]
    public async Task Members_of_a_training_provider_and_administrators_keep_programmes_and_an_individual_talent_may_not()
    {
        var provider = Guid.NewGuid();
        var member = env.TalentClient().WithToken(Tokens.Create(Guid.NewGuid().ToString(), [Roles.Talent], provider, "TrainingProvider"));
        var created = await member.PostAsJsonAsync("/api/talent/training/programmes", Programme("MLOps in practice", 20_000m, "mlops"));
        await created.ShouldBe(HttpStatusCode.Created);
        var programme = await JsonAsync(created);
        Assert.Equal(provider, programme.GetProperty("providerOrganisationId").GetGuid());
        Assert.Equal("https://marketplace.hk/skills/mlops", programme.GetProperty("skills")[0].GetProperty("uri").GetString());
        var id = programme.GetProperty("id").GetGuid();

        var individual = env.TalentClient().As(Roles.Talent, null, Guid.NewGuid().ToString());
        await (await individual.PostAsJsonAsync("/api/talent/training/programmes", Programme("Refused", 1m, "mlops"))).ShouldBe(HttpStatusCode.Forbidden);
        var otherProvider = env.TalentClient().WithToken(Tokens.Create(Guid.NewGuid().ToString(), [Roles.Talent], Guid.NewGuid(), "TrainingProvider"));
        await (await otherProvider.PutAsJsonAsync($"/api/talent/training/programmes/{id}", Programme("Taken over", 1m, "mlops"))).ShouldBe(HttpStatusCode.Forbidden);
        var bad = await member.PostAsJsonAsync("/api/talent/training/programmes", new { titleEn = "T", skills = new[] { "basket weaving" }, subsidy = new { schemeCode = "x", governmentShare = 0 } });
        await bad.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("skills[0]", out _));
        Assert.True(errors.TryGetProperty("subsidy.schemeCode", out _));
        Assert.True(errors.TryGetProperty("subsidy.governmentShare", out _));
        await (await env.TalentClient().GetAsync($"/api/talent/training/programmes/{id}")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Subsidies_count_against_the_enterprises_cap_per_financial_year_which_turns_at_1_April_00_00_Hong_Kong_time()
    {
        var a = new TalentArrangement(env);
        var created = await a.AdminClient().PostAsJsonAsync("/api/talent/training/programmes", Programme("Data pipelines for public data", 200_000m, "data-engineering", "mlops"));
        await created.ShouldBe(HttpStatusCode.Created);
        var programme = (await JsonAsync(created)).GetProperty("id").GetGuid();
        var employee = await a.TalentAsync("Trainee Employee", consent: false, employer: a.Vendor);
        var stranger = await a.TalentAsync("Not An Employee", consent: true);

        // To 31 March 23:59 Hong Kong time of the current financial year.
        var now = env.Clock.GetUtcNow().ToOffset(HongKongTime.Offset);
        var endingYear = now.Month >= 4 ? now.Year + 1 : now.Year;
        env.Clock.Advance(new DateTimeOffset(endingYear, 3, 31, 23, 59, 0, HongKongTime.Offset) - env.Clock.GetUtcNow());
        async Task<System.Text.Json.JsonElement> EnrolAsync(Guid talent)
        {
            var response = await a.VendorClient().PostAsJsonAsync($"/api/talent/training/programmes/{programme}/enrolments", new { talentId = talent });
            await response.ShouldBe(HttpStatusCode.Created);
            return await JsonAsync(response);
        }
        var first = await EnrolAsync(employee);
        var second = await EnrolAsync(employee);
        var third = await EnrolAsync(employee);

        Assert.Equal((100_000m, 100_000m, 50_000m), (first.GetProperty("subsidyHkd").GetDecimal(), second.GetProperty("subsidyHkd").GetDecimal(), third.GetProperty("subsidyHkd").GetDecimal()));
        var label = $"{endingYear - 1}-{endingYear % 100:00}";
        Assert.Equal(label, third.GetProperty("financialYear").GetString());
        Assert.Contains("used HK$200,000 of its HK$250,000 cap", third.GetProperty("explanationEn").GetString(), StringComparison.Ordinal);
        Assert.Contains("資助額 HK$50,000", third.GetProperty("explanationZh").GetString(), StringComparison.Ordinal);
        Assert.Equal($"{endingYear}-03-31 23:59", third.GetProperty("enrolledAtHongKong").GetString());
        var quote = await JsonAsync(await a.VendorClient().GetAsync($"/api/talent/training/programmes/{programme}/subsidy"));
        Assert.Equal(0m, quote.GetProperty("subsidyHkd").GetDecimal());

        env.Clock.Advance(TimeSpan.FromMinutes(1));
        var april = await EnrolAsync(employee);

        Assert.Equal(100_000m, april.GetProperty("subsidyHkd").GetDecimal());
        Assert.Equal($"{endingYear}-{(endingYear + 1) % 100:00}", april.GetProperty("financialYear").GetString());
        var ended = await JsonAsync(await a.VendorClient().GetAsync($"/api/talent/training/subsidy-usage?financialYear={endingYear - 1}"));
        var nittp = Assert.Single(ended.EnumerateArray(), u => u.GetProperty("schemeCode").GetString() == "NITTP");
        Assert.Equal((250_000m, 0m, 3), (nittp.GetProperty("usedHkd").GetDecimal(), nittp.GetProperty("remainingHkd").GetDecimal(), nittp.GetProperty("enrolments").GetInt32()));
        var current = await JsonAsync(await a.VendorClient().GetAsync("/api/talent/training/subsidy-usage"));
        Assert.Equal(100_000m, Assert.Single(current.EnumerateArray(), u => u.GetProperty("schemeCode").GetString() == "NITTP").GetProperty("usedHkd").GetDecimal());

        var refused = await a.VendorClient().PostAsJsonAsync($"/api/talent/training/programmes/{programme}/enrolments", new { talentId = stranger });
        await refused.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await JsonAsync(refused)).GetProperty("errors").TryGetProperty("talentId", out _));

        // Completing the course adds the skills it teaches to the employee's profile.
        await (await a.OtherVendorClient().PostAsync($"/api/talent/training/enrolments/{april.GetProperty("id").GetGuid()}/complete", null)).ShouldBe(HttpStatusCode.NotFound);
        await (await a.VendorClient().PostAsync($"/api/talent/training/enrolments/{april.GetProperty("id").GetGuid()}/complete", null)).ShouldBe(HttpStatusCode.OK);
        var profile = await JsonAsync(await a.TalentClient(employee).GetAsync("/api/talent/me/profile"));
        var skills = profile.GetProperty("skills").EnumerateArray().ToDictionary(s => s.GetProperty("skillUri").GetString()!, s => s.GetProperty("level").GetString());
        Assert.Equal("Junior", skills["https://marketplace.hk/skills/data-engineering"]);
        Assert.Equal("Junior", skills["https://marketplace.hk/skills/mlops"]);
        Assert.Equal("Senior", skills["https://marketplace.hk/skills/computer-vision"]);
        var mine = await JsonAsync(await a.TalentClient(employee).GetAsync("/api/talent/training/enrolments"));
        Assert.Equal(4, mine.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Enrolments_made_at_the_same_time_never_take_more_than_the_enterprises_cap_between_them()
    {
        var a = new TalentArrangement(env);
        // 1 : 1 of HK$20,000 is HK$10,000 a head against a cap of HK$30,000: three enrolments use it up.
        var created = await a.AdminClient().PostAsJsonAsync("/api/talent/training/programmes", new
        {
            titleEn = "Concurrent cohort", titleZh = "同步報名班", providerNameEn = "Harbour Institute", providerNameZh = "海港學院", skills = new[] { "mlops" },
            feeHkd = 20_000m, hours = 10, subsidy = new { schemeCode = "CAPTEST", governmentShare = 1, enterpriseShare = 1, capPerEnterprisePerYearHkd = 30_000m },
        });
        await created.ShouldBe(HttpStatusCode.Created);
        var programme = (await JsonAsync(created)).GetProperty("id").GetGuid();
        var employee = await a.TalentAsync("Concurrent Trainee", consent: false, employer: a.Vendor);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            a.VendorClient().PostAsJsonAsync($"/api/talent/training/programmes/{programme}/enrolments", new { talentId = employee })));
        foreach (var response in responses)
        {
            await response.ShouldBe(HttpStatusCode.Created);
        }
        var subsidies = (await Task.WhenAll(responses.Select(JsonAsync))).Select(e => e.GetProperty("subsidyHkd").GetDecimal()).Order().ToList();

        Assert.Equal([0m, 0m, 0m, 10_000m, 10_000m, 10_000m], subsidies);
        var usage = await JsonAsync(await a.VendorClient().GetAsync("/api/talent/training/subsidy-usage"));
        var captest = Assert.Single(usage.EnumerateArray(), u => u.GetProperty("schemeCode").GetString() == "CAPTEST");
        Assert.Equal((30_000m, 0m, 6), (captest.GetProperty("usedHkd").GetDecimal(), captest.GetProperty("remainingHkd").GetDecimal(), captest.GetProperty("enrolments").GetInt32()));
        Assert.Equal(30_000m, await env.InTalentDbAsync(db => db.SubsidyUsage.Where(u => u.VendorId == a.Vendor && u.SchemeCode == "CAPTEST").Select(u => u.UsedHkd).SingleAsync()));
    }
}

public sealed class TrainingTests_Standalone(StandaloneEnvironment env) : TrainingTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class TrainingTests_Distributed(DistributedEnvironment env) : TrainingTests(env), IClassFixture<DistributedEnvironment>;
