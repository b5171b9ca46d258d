using Marketplace.Talent.Taxonomy;
using CatalogueTaxonomy = Marketplace.Catalogue.Domain.Taxonomy;

namespace Marketplace.UnitTests;

/// <summary>The skills taxonomy as shipped, and the one mapping of free text onto it.</summary>
public sealed class SkillTaxonomyTests
{
    private static readonly SkillTaxonomy s_taxonomy = SkillTaxonomy.Load();

    [Fact]
    public void Every_capability_the_catalogue_classifies_scenarios_by_is_a_skill_with_the_same_code()
    {
        var missing = CatalogueTaxonomy.Capabilities.Keys.Where(code => s_taxonomy.Map(code) != $"https://marketplace.hk/skills/{code}").ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("data-engineering")]
    [InlineData("mlops")]
    [InlineData("ai-governance")]
    [InlineData("edge-ai")]
    [InlineData("robotics")]
    [InlineData("llm-generative")]
    [InlineData("speech")]
    [InlineData("forecasting")]
    [InlineData("optimisation")]
    public void The_taxonomy_covers_the_skills_projects_staff_for(string code) =>
        Assert.NotNull(s_taxonomy.Find($"https://marketplace.hk/skills/{code}"));

    [Fact]
    public void Every_skill_has_a_unique_stable_uri_both_labels_and_a_broader_skill_that_exists_without_cycles()
    {
        Assert.Equal(s_taxonomy.Skills.Count, s_taxonomy.Skills.Select(s => s.Uri).Distinct().Count());
        Assert.All(s_taxonomy.Skills, s =>
        {
            Assert.StartsWith("https://marketplace.hk/skills/", s.Uri, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(s.LabelEn));
            Assert.False(string.IsNullOrWhiteSpace(s.LabelZh));
            var seen = new HashSet<string>();
            for (var broader = s.Broader; broader is not null; broader = s_taxonomy.Find(broader)!.Broader)
            {
                Assert.NotNull(s_taxonomy.Find(broader));
                Assert.True(seen.Add(broader), $"{s.Uri} has a cycle through {broader}");
            }
        });
    }

    [Theory]
    [InlineData("Computer Vision", "computer-vision")]
    [InlineData("  computer_vision ", "computer-vision")]
    [InlineData("電腦視覺", "computer-vision")]
    [InlineData("OCR", "document-ai")]
    [InlineData("Generative AI", "llm-generative")]
    [InlineData("ML Ops", "mlops")]
    [InlineData("Responsible AI", "ai-governance")]
    [InlineData("optimization", "optimisation")]
    [InlineData("https://marketplace.hk/skills/speech", "speech")]
    public void Free_text_maps_by_code_label_or_alternative_label_in_either_language_ignoring_case_and_separators(string text, string code) =>
        Assert.Equal($"https://marketplace.hk/skills/{code}", s_taxonomy.Map(text));

    [Theory]
    [InlineData("Project management")]
    [InlineData("Basket weaving")]
    [InlineData("")]
    [InlineData("   ")]
    public void Text_no_skill_names_maps_to_nothing(string text) => Assert.Null(s_taxonomy.Map(text));

    [Fact]
    public void A_narrower_skill_satisfies_its_broader_skill_but_not_the_reverse()
    {
        const string Vision = "https://marketplace.hk/skills/computer-vision";
        const string Learning = "https://marketplace.hk/skills/machine-learning";

        Assert.True(s_taxonomy.Satisfies(Vision, Learning));
        Assert.True(s_taxonomy.Satisfies("https://marketplace.hk/skills/document-ai", Learning));
        Assert.False(s_taxonomy.Satisfies(Learning, Vision));
    }
}
