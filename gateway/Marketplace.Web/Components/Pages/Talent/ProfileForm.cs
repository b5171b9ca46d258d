using System.Globalization;
using Marketplace.Web.Api;

namespace Marketplace.Web.Components.Pages.Talent;

/// <summary>A talent's profile as the browser posts it. The talent API is the only validator: a blank skill row is left out, numbers typed as text are passed on when they are numbers.</summary>
public sealed class ProfileForm
{
    public const int SpareSkillRows = 2;

    public string? DisplayName { get; set; }
    public string? ContactEmail { get; set; }
    public string? Headline { get; set; }
    public List<SkillRow> Skills { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public string? AvailableFrom { get; set; }
    public string? SharePercent { get; set; }
    public string? Residency { get; set; }
    public string? ConsentToMatch { get; set; }

    /// <summary>Kept as it stands: the employer link is the talent's statement, not edited here.</summary>
    public string? EmployerOrganisationId { get; set; }

    public static ProfileForm From(TalentProfile p) => new()
    {
        DisplayName = p.DisplayName, ContactEmail = p.ContactEmail, Headline = p.Headline,
        Skills = [.. p.Skills.Select(s => new SkillRow { Skill = s.SkillUri, Level = s.Level, Years = s.Years.ToString(CultureInfo.InvariantCulture) })],
        Languages = [.. p.Languages], AvailableFrom = TalentTerms.Date(p.AvailableFrom), SharePercent = p.SharePercent.ToString(CultureInfo.InvariantCulture),
        Residency = p.Residency, ConsentToMatch = p.ConsentToMatch ? "true" : null, EmployerOrganisationId = p.EmployerOrganisationId?.ToString(),
    };

    /// <summary>
    /// Empty rows after the filled ones, so the form always offers room for more skills; lists a post left out (no
    /// language ticked) bind as null and are made empty.
    /// </summary>
    public void PadSkills()
    {
        Skills ??= [];
        Languages ??= [];
        Skills = [.. Skills.Where(s => !string.IsNullOrWhiteSpace(s.Skill))];
        for (var i = 0; i < SpareSkillRows; i++)
        {
            Skills.Add(new SkillRow());
        }
    }

    public TalentProfileBody ToBody() => new(
        Blank(DisplayName), Blank(ContactEmail), Blank(Headline),
        [.. (Skills ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Skill)).Select(s => new TalentProfileSkillBody(s.Skill, Blank(s.Level), Whole(s.Years) ?? 0))],
        [.. (Languages ?? []).Where(l => TalentTerms.Languages.Contains(l)).Distinct()],
        DateOnly.TryParseExact(AvailableFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null,
        Whole(SharePercent), Blank(Residency), ConsentToMatch == "true", Guid.TryParse(EmployerOrganisationId, out var employer) ? employer : null);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? Whole(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public sealed class SkillRow
    {
        public string? Skill { get; set; }
        public string? Level { get; set; }
        public string? Years { get; set; }
    }
}
