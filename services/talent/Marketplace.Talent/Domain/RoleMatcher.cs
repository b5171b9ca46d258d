using System.Globalization;
using Marketplace.Contracts.Talent;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.Talent.Taxonomy;

namespace Marketplace.Talent.Domain;

/// <summary>A profile matched to an open requirement, with why, in both languages.</summary>
public sealed record RoleMatch(TalentProfile Profile, ProfileSkill Skill, int Score, LocalizedText Reasons);

/// <summary>
/// Matches an open requirement to profiles: only consenting profiles with a share of time on offer,
/// holding the role's skill (or a narrower one) at the role's seniority or above. Asked on every
/// request, so a withdrawn consent hides a profile from the next answer.
/// </summary>
public sealed class RoleMatcher(SkillTaxonomy taxonomy)
{
    private static readonly CultureInfo s_english = CultureInfo.GetCultureInfo("en-GB");
    private static readonly LocalizedText s_has = new("has {0} at {1} level ({2} years)", "具備{0}（{1}，{2} 年經驗）");
    private static readonly LocalizedText s_available = new("available from {0} for {1} % of the time", "{0}起可投入 {1}% 時間");
    private static readonly LocalizedText s_speaks = new("speaks {0}", "能說{0}");

    public static readonly IReadOnlyDictionary<Seniority, LocalizedText> Levels = new Dictionary<Seniority, LocalizedText>
    {
        [Seniority.Junior] = new("junior", "初級"),
        [Seniority.Mid] = new("mid", "中級"),
        [Seniority.Senior] = new("senior", "資深"),
        [Seniority.Lead] = new("lead", "主管級"),
        [Seniority.Principal] = new("principal", "首席"),
    };

    public static readonly IReadOnlyDictionary<Language, LocalizedText> LanguageNames = new Dictionary<Language, LocalizedText>
    {
        [Language.Cantonese] = new("Cantonese", "粵語"),
        [Language.English] = new("English", "英語"),
        [Language.Putonghua] = new("Putonghua", "普通話"),
        [Language.Japanese] = new("Japanese", "日語"),
        [Language.Korean] = new("Korean", "韓語"),
        [Language.French] = new("French", "法語"),
        [Language.German] = new("German", "德語"),
        [Language.Hindi] = new("Hindi", "印地語"),
        [Language.Urdu] = new("Urdu", "烏爾都語"),
        [Language.Tagalog] = new("Tagalog", "他加祿語"),
        [Language.Indonesian] = new("Indonesian", "印尼語"),
        [Language.Thai] = new("Thai", "泰語"),
        [Language.Vietnamese] = new("Vietnamese", "越南語"),
    };

    /// <summary>Whether a profile may be offered to vendors for matching at all.</summary>
    public static bool Offered(TalentProfile p) => p.ConsentToMatch && p.SharePercent > 0;

    public IReadOnlyList<RoleMatch> Match(StaffingRequirement requirement, IEnumerable<TalentProfile> profiles)
    {
        if (requirement.Status != RequirementStatus.Open || requirement.SkillUri is not { } required)
        {
            return [];
        }
        var matches = new List<RoleMatch>();
        foreach (var profile in profiles.Where(Offered))
        {
            var skill = profile.Skills.Where(s => s.Level >= requirement.Seniority && taxonomy.Satisfies(s.SkillUri, required))
                .OrderByDescending(s => s.SkillUri == required).ThenBy(s => s.Level).FirstOrDefault();
            if (skill is null)
            {
                continue;
            }
            // Closest level first (a principal is not offered before a senior for a senior role), then the exact skill, then experience.
            var score = 100 - (10 * (skill.Level - requirement.Seniority)) + (skill.SkillUri == required ? 5 : 0) + Math.Min(skill.Years, 20);
            matches.Add(new RoleMatch(profile, skill, score, Reasons(profile, skill)));
        }
        return [.. matches.OrderByDescending(m => m.Score).ThenBy(m => m.Profile.AvailableFrom).ThenBy(m => m.Profile.Id)];
    }

    private LocalizedText Reasons(TalentProfile profile, ProfileSkill skill)
    {
        var label = taxonomy.Find(skill.SkillUri);
        var level = Levels[skill.Level];
        var en = new List<string>
        {
            Text(s_has.En, label?.LabelEn.ToLowerInvariant() ?? skill.SkillUri, level.En, skill.Years),
            Text(s_available.En, profile.AvailableFrom.ToString("MMMM yyyy", s_english), profile.SharePercent),
        };
        var zh = new List<string>
        {
            Text(s_has.Zh, label?.LabelZh ?? skill.SkillUri, level.Zh, skill.Years),
            Text(s_available.Zh, profile.AvailableFrom.ToString("yyyy年M月", CultureInfo.InvariantCulture), profile.SharePercent),
        };
        if (profile.Languages.Count > 0)
        {
            en.Add(Text(s_speaks.En, string.Join(", ", profile.Languages.Select(l => LanguageNames[l].En))));
            zh.Add(Text(s_speaks.Zh, string.Join("、", profile.Languages.Select(l => LanguageNames[l].Zh))));
        }
        return new(string.Join("; ", en), string.Join("；", zh));
    }

    private static string Text(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
