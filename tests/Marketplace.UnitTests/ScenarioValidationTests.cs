using Marketplace.Catalogue.Domain;

namespace Marketplace.UnitTests;

public sealed class ScenarioValidationTests
{
    private static ScenarioDetails Valid() => ScenarioRulesTests.Valid();

    [Fact]
    public void Valid_details_have_no_errors() => Assert.True(Valid().Check().IsValid);

    [Theory]
    [InlineData("titleEn")]
    [InlineData("titleZh")]
    [InlineData("problemEn")]
    [InlineData("problemZh")]
    [InlineData("expectedOutcomesEn")]
    [InlineData("expectedOutcomesZh")]
    public void Every_text_is_required_in_both_languages(string field)
    {
        var details = field switch
        {
            "titleEn" => Valid() with { TitleEn = " " },
            "titleZh" => Valid() with { TitleZh = "" },
            "problemEn" => Valid() with { ProblemEn = "" },
            "problemZh" => Valid() with { ProblemZh = "" },
            "expectedOutcomesEn" => Valid() with { ExpectedOutcomesEn = "" },
            _ => Valid() with { ExpectedOutcomesZh = "" },
        };

        var errors = details.Check();

        Assert.Equal([field], errors.Fields);
        Assert.Contains("is required", errors.For(field)[0].En);
        Assert.Contains("必填", errors.For(field)[0].Zh);
    }

    [Fact]
    public void Chinese_fields_must_contain_Chinese()
    {
        var errors = (Valid() with { TitleZh = "Chest X-ray", ProblemZh = "AI 預讀 X 光" }).Check();

        Assert.Equal(["titleZh"], errors.Fields);
    }

    [Fact]
    public void Titles_and_texts_have_length_limits()
    {
        var errors = (Valid() with { TitleEn = new string('a', 201), ProblemEn = new string('b', 4001) }).Check();

        Assert.Equal(["titleEn", "problemEn"], errors.Fields);
        Assert.Contains("at most 200", errors.For("titleEn")[0].En);
    }

    [Fact]
    public void Sector_capabilities_and_schemes_must_be_known_codes_without_repeats()
    {
        var errors = (Valid() with
        {
            Sector = "astrology",
            Capabilities = ["computer-vision", "mind-reading", "computer-vision"],
            TargetSchemes = ["LOTTERY"],
        }).Check();

        Assert.Equal(["sector", "capabilities[1]", "capabilities", "targetSchemes[0]"], errors.Fields);
        Assert.Contains("mind-reading", errors.For("capabilities[1]")[0].En);
    }

    [Fact]
    public void At_least_one_capability_is_required_but_schemes_are_optional()
    {
        Assert.Equal(["capabilities"], (Valid() with { Capabilities = [] }).Check().Fields);
        Assert.True((Valid() with { TargetSchemes = [] }).Check().IsValid);
    }

    [Theory]
    [InlineData(-1, 100, "budgetMinHkd")]
    [InlineData(500, 100, "budgetMaxHkd")]
    [InlineData(100.5, 200, "budgetMinHkd")]
    [InlineData(0, 1_000_000_001, "budgetMaxHkd")]
    public void Budgets_are_whole_non_negative_dollars_with_max_not_below_min(decimal min, decimal max, string field)
    {
        var errors = (Valid() with { BudgetMinHkd = min, BudgetMaxHkd = max }).Check();

        Assert.Contains(field, errors.Fields);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void Pilot_duration_is_one_to_sixty_months(int months)
    {
        Assert.Equal(["pilotDurationMonths"], (Valid() with { PilotDurationMonths = months }).Check().Fields);
    }
}
