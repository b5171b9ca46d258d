using System.Globalization;
using Marketplace.Web.Api;
using Marketplace.Web.Localization;

namespace Marketplace.Web.Components.Pages.Vendor;

/// <summary>
/// The proposal form as the browser posts it: text as typed. The matching service is the only validator; this class
/// only turns numbers and ids typed as text into values (and says so, under the API's field name, when one is not).
/// </summary>
public sealed class ProposalForm
{
    /// <summary>Rows offered for the team; empty rows are left out of the proposal.</summary>
    public const int RoleRows = 5;

    public static readonly IReadOnlyList<string> Seniorities = ["Junior", "Mid", "Senior", "Lead", "Principal"];

    public string? Action { get; set; }
    public string? Approach { get; set; }
    public string? PriceHkd { get; set; }
    public string? DurationMonths { get; set; }
    public string? DataResidencyCompliant { get; set; }
    public string? SupportLevel { get; set; }
    public List<TeamRoleForm> TeamRoles { get; set; } = [];

    public static ProposalForm From(Proposal p) => new()
    {
        Approach = p.Approach,
        PriceHkd = p.PriceHkd?.ToString("0.##", CultureInfo.InvariantCulture),
        DurationMonths = p.DurationMonths?.ToString(CultureInfo.InvariantCulture),
        DataResidencyCompliant = p.DataResidencyCompliant switch { true => "true", false => "false", null => null },
        SupportLevel = p.SupportLevel,
        TeamRoles = (p.TeamRoles ?? []).Select(r => new TeamRoleForm { Skill = r.Skill, Seniority = r.Seniority, TalentId = r.TalentId?.ToString() }).ToList(),
    };

    /// <summary>Empty rows up to <see cref="RoleRows"/> so the form always offers room for another role.</summary>
    public void PadRoles()
    {
        TeamRoles ??= [];
        while (TeamRoles.Count < RoleRows)
        {
            TeamRoles.Add(new TeamRoleForm());
        }
    }

    /// <summary>The API body; or, when a number or id field holds something that is not one, the problem to show.</summary>
    public (ProposalBody Body, ApiProblem? Problem) ToBody(FormValues values, string notAnId)
    {
        var price = values.Amount(PriceHkd, "priceHkd");
        var months = values.Whole(DurationMonths, "durationMonths");
        var roles = new List<TeamRoleBody>();
        // Blank rows are room for more, not roles; each kept row keeps its index in the API's field names.
        foreach (var role in TeamRoles.Where(r => !r.IsBlank))
        {
            Guid? talent = null;
            if (!string.IsNullOrWhiteSpace(role.TalentId))
            {
                if (Guid.TryParse(role.TalentId.Trim(), out var id))
                {
                    talent = id;
                }
                else
                {
                    values.Add($"teamRoles[{roles.Count}].talentId", notAnId);
                }
            }
            roles.Add(new TeamRoleBody(role.Skill, string.IsNullOrWhiteSpace(role.Seniority) ? null : role.Seniority, talent));
        }
        var body = new ProposalBody(Approach, price, months, DataResidencyCompliant switch { "true" => true, "false" => false, _ => null }, SupportLevel, roles);
        return (body, values.Problem);
    }

    /// <summary>Filled rows first, so the row a message names (<c>teamRoles[1]</c>) is the second filled row on the form too.</summary>
    public void Compact()
    {
        TeamRoles = [.. TeamRoles.Where(r => !r.IsBlank)];
        PadRoles();
    }
}

public sealed class TeamRoleForm
{
    public string? Skill { get; set; }
    public string? Seniority { get; set; }
    public string? TalentId { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Skill) && string.IsNullOrWhiteSpace(Seniority) && string.IsNullOrWhiteSpace(TalentId);
}
