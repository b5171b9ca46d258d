using Marketplace.ServiceDefaults.Validation;

namespace Marketplace.UnitTests;

public sealed class InputRulesTests
{
    private enum Size
    {
        Startup,
        Sme,
    }

    [Theory]
    [InlineData("name@example.hk", true)]
    [InlineData("first.last+tag@sub.example.gov.hk", true)]
    [InlineData("a@b", false)]
    [InlineData("name@localhost", false)]
    [InlineData("Name <name@example.hk>", false)]
    [InlineData(" name@example.hk", false)]
    [InlineData("name@example.hk\u0000", false)]
    [InlineData("name..dots@example.hk", false)]
    [InlineData("name@-example.hk", false)]
    public void An_email_address_needs_a_mailbox_and_a_domain_with_a_top_level_part(string email, bool valid) =>
        Assert.Equal(valid, EmailRule.IsValid(email));

    [Theory]
    [InlineData("plain text 中文 🚀 𠀀", false, false)]
    [InlineData("a\u0000b", false, true)]
    [InlineData("tab\there", false, true)]
    [InlineData("tab\there", true, false)]
    [InlineData("line\r\nbreak", true, false)]
    [InlineData("bell\u0007", true, true)]
    [InlineData("next\u0085line", true, true)]
    [InlineData("del\u007f", true, true)]
    public void Text_may_hold_no_control_characters_except_line_breaks_and_tabs_where_they_belong(string text, bool multiline, bool forbidden) =>
        Assert.Equal(forbidden, TextRules.HasForbiddenCharacters(text, multiline));

    [Fact]
    public void Half_of_a_surrogate_pair_on_its_own_is_refused()
    {
        // Built at run time: attribute arguments cannot carry unpaired surrogates.
        Assert.True(TextRules.HasForbiddenCharacters((char)0xD800 + " high alone", multiline: true));
        Assert.True(TextRules.HasForbiddenCharacters("low alone " + (char)0xDC00, multiline: true));
        Assert.True(TextRules.HasForbiddenCharacters("reversed " + (char)0xDC00 + (char)0xD800, multiline: true));
        Assert.False(TextRules.HasForbiddenCharacters("pair " + (char)0xD840 + (char)0xDC00, multiline: false));
    }

    [Theory]
    [InlineData("Startup", true)]
    [InlineData("startup", true)]
    [InlineData("SME", true)]
    [InlineData("0", false)]
    [InlineData("1", false)]
    [InlineData("Startup, Sme", false)]
    [InlineData("Large", false)]
    public void Enum_values_are_read_by_their_names_only(string value, bool valid)
    {
        var errors = new ValidationErrors();

        var parsed = errors.Enum<Size>("size", value);

        Assert.Equal(valid, parsed is not null);
        Assert.Equal(valid, errors.IsValid);
        if (!valid)
        {
            Assert.Contains("Startup, Sme", errors.For("size")[0].En, StringComparison.Ordinal);
        }
    }
}
