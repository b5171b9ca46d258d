using System.Globalization;
using Marketplace.Contracts.Talent;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.Talent.Taxonomy;

namespace Marketplace.Talent.Domain;

/// <summary>Demand against supply for one skill: scenarios open now needing it, open roles needing it, available consenting profiles holding it.</summary>
public sealed record SkillGapRow(string SkillUri, string LabelEn, string LabelZh, int OpenScenarios, int OpenRoles, int Supply, int Gap);

public sealed record SeniorityGapRow(Seniority Seniority, int OpenRoles, int Supply, int Gap);

/// <summary>One month (Hong Kong time, <c>2026-12</c>): skill requirements of scenarios and roles open at its end, against profiles consenting and available by then.</summary>
public sealed record MonthlyGapRow(string Month, int Demand, int Supply);

public sealed record SkillGapResponse(DateTimeOffset At, IReadOnlyList<SkillGapRow> BySkill, IReadOnlyList<SeniorityGapRow> BySeniority, IReadOnlyList<MonthlyGapRow> Monthly);

/// <summary>
/// The skill-gap arithmetic, in one place. Supply counts a consenting profile once per skill it
/// holds, when it is available on the day (or month end) counted; a role open at a time is one that
/// was created by then and neither filled nor cancelled before it.
/// </summary>
public static class SkillGap
{
    public static SkillGapResponse Compute(SkillTaxonomy taxonomy, IReadOnlyList<ScenarioDemand> scenarios, IReadOnlyList<StaffingRequirement> roles,
        IReadOnlyList<TalentProfile> profiles, DateTimeOffset now, int months)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(HongKongTime.Offset).DateTime);
        var openScenarios = scenarios.Where(s => s.OpenAt(now)).ToList();
        var openRoles = roles.Where(r => OpenAt(r, now)).ToList();
        var available = profiles.Where(p => p.AvailableFrom <= today).ToList();

        var bySkill = taxonomy.Skills.Select(skill =>
            {
                var scenarioCount = openScenarios.Count(s => s.SkillUris.Contains(skill.Uri));
                var roleCount = openRoles.Count(r => r.SkillUri == skill.Uri);
                var supply = available.Count(p => p.Skills.Any(s => s.SkillUri == skill.Uri));
                return new SkillGapRow(skill.Uri, skill.LabelEn, skill.LabelZh, scenarioCount, roleCount, supply, scenarioCount + roleCount - supply);
            })
            .Where(r => r.OpenScenarios + r.OpenRoles + r.Supply > 0)
            .OrderByDescending(r => r.Gap).ThenBy(r => r.SkillUri, StringComparer.Ordinal).ToList();

        var bySeniority = Enum.GetValues<Seniority>().Select(level =>
        {
            var demand = openRoles.Count(r => r.Seniority == level);
            var supply = available.Count(p => p.Skills.Any(s => s.Level == level));
            return new SeniorityGapRow(level, demand, supply, demand - supply);
        }).ToList();

        var monthly = new List<MonthlyGapRow>();
        var local = now.ToOffset(HongKongTime.Offset);
        var firstOfThisMonth = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, HongKongTime.Offset);
        for (var i = months - 1; i >= 0; i--)
        {
            var start = firstOfThisMonth.AddMonths(-i);
            var end = start.AddMonths(1) > now ? now : start.AddMonths(1);
            var endDay = DateOnly.FromDateTime(end.ToOffset(HongKongTime.Offset).DateTime);
            var demand = scenarios.Where(s => s.OpenAt(end)).Sum(s => s.SkillUris.Count) + roles.Count(r => OpenAt(r, end));
            // Profiles counted as they stand now (consent is not kept as history), by when they existed and were available.
            var supply = profiles.Where(p => p.CreatedAt <= end && p.AvailableFrom <= endDay).Sum(p => p.Skills.Count);
            monthly.Add(new MonthlyGapRow(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), demand, supply));
        }
        return new SkillGapResponse(now, bySkill, bySeniority, monthly);
    }

    private static bool OpenAt(StaffingRequirement r, DateTimeOffset at) =>
        r.CreatedAt <= at && (r.FilledAt is null || r.FilledAt > at) && (r.CancelledAt is null || r.CancelledAt > at);
}
