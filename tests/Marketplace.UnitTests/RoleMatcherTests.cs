using Marketplace.Contracts.Talent;
using Marketplace.Talent.Domain;
using Marketplace.Talent.Taxonomy;

namespace Marketplace.UnitTests;

/// <summary>Matching an open role to profiles: consent, skill (or a narrower one), seniority, and the reasons given in both languages.</summary>
public sealed class RoleMatcherTests
{
    private const string Vision = "https://marketplace.hk/skills/computer-vision";
    private static readonly DateTimeOffset s_now = new(2027, 1, 10, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly RoleMatcher _matcher = new(SkillTaxonomy.Load());

    private static TalentProfile Profile(bool consent, Seniority level, string skill = Vision, int share = 50, params Language[] languages)
    {
        var profile = new TalentProfile(Guid.NewGuid(), s_now);
        profile.Apply(new ProfileContent("Test person", null, null, [new ProfileSkill(skill, level, 6)], languages, new DateOnly(2027, 3, 1), share,
            ResidencyStatus.PermanentResident, consent, null), s_now);
        return profile;
    }

    private static StaffingRequirement Role(Seniority seniority, string? uri = Vision) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 0, "Computer vision", uri, seniority, null, s_now);

    [Fact]
    public void Only_consenting_profiles_with_the_skill_at_the_roles_seniority_or_above_match()
    {
        var senior = Profile(consent: true, Seniority.Senior);
        var lead = Profile(consent: true, Seniority.Lead);
        var junior = Profile(consent: true, Seniority.Junior);
        var withheld = Profile(consent: false, Seniority.Senior);
        var otherSkill = Profile(consent: true, Seniority.Senior, "https://marketplace.hk/skills/nlp");

        var matches = _matcher.Match(Role(Seniority.Senior), [lead, junior, withheld, otherSkill, senior]);

        Assert.Equal([senior.Id, lead.Id], matches.Select(m => m.Profile.Id));
    }

    [Fact]
    public void A_profile_whose_consent_is_withdrawn_no_longer_matches()
    {
        var profile = Profile(consent: true, Seniority.Senior);
        var role = Role(Seniority.Mid);
        Assert.Single(_matcher.Match(role, [profile]));

        profile.SetConsent(false, s_now.AddMinutes(1));

        Assert.Empty(_matcher.Match(role, [profile]));
    }

    [Fact]
    public void A_role_whose_skill_is_unmapped_or_that_is_not_open_gets_no_matches()
    {
        var profile = Profile(consent: true, Seniority.Senior);
        var filled = Role(Seniority.Mid);
        filled.Fill(Guid.NewGuid(), s_now);

        Assert.Empty(_matcher.Match(Role(Seniority.Mid, uri: null), [profile]));
        Assert.Empty(_matcher.Match(filled, [profile]));
    }

    [Fact]
    public void The_reasons_name_the_skill_and_level_the_availability_and_the_languages_in_English_and_Chinese()
    {
        var profile = Profile(consent: true, Seniority.Senior, Vision, 50, Language.Cantonese, Language.English);

        var match = Assert.Single(_matcher.Match(Role(Seniority.Senior), [profile]));

        Assert.Equal("has computer vision at senior level (6 years); available from March 2027 for 50 % of the time; speaks Cantonese, English", match.Reasons.En);
        Assert.Equal("具備電腦視覺（資深，6 年經驗）；2027年3月起可投入 50% 時間；能說粵語、英語", match.Reasons.Zh);
    }
}
