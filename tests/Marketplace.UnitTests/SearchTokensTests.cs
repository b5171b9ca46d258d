using Marketplace.ServiceDefaults.Text;

namespace Marketplace.UnitTests;

public sealed class SearchTokensTests
{
    [Fact]
    public void Chinese_runs_become_overlapping_bigrams_so_any_two_character_word_is_found()
    {
        Assert.Equal("醫療 療服 服務", SearchTokens.Index("醫療服務"));
        Assert.Equal(["醫療"], SearchTokens.Query("醫療"));
        Assert.Contains("醫療", SearchTokens.Index("公營醫療系統").Split(' '));
        Assert.Equal(["渠"], SearchTokens.Query("渠"));
    }

    [Fact]
    public void English_words_are_lower_cased_and_plurals_reduced()
    {
        Assert.Equal(["hospital", "queue"], SearchTokens.Query("Hospitals' queues"));
        Assert.Equal("policy", SearchTokens.Stem("policies"));
        Assert.Equal("bus", SearchTokens.Stem("bus"));
        Assert.Equal("glass", SearchTokens.Stem("glass"));
        Assert.Equal("status", SearchTokens.Stem("status"));
    }

    [Fact]
    public void Mixed_text_keeps_each_script_and_numbers_and_drops_punctuation()
    {
        Assert.Equal("1823 多語 語言 查詢 ai", SearchTokens.Index("1823 多語言／查詢 (AI)"));
        Assert.Empty(SearchTokens.Query("  ?!  "));
        Assert.Equal(["x", "光"], SearchTokens.Query("X光"));
    }
}
