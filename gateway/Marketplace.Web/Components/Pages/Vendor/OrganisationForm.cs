namespace Marketplace.Web.Components.Pages.Vendor;

/// <summary>The organisation profile as the manager edits it (the identity service validates).</summary>
public sealed class OrganisationForm
{
    public static readonly IReadOnlyList<string> SizeClasses = ["Startup", "SME", "Large"];

    public string? NameEn { get; set; }
    public string? NameZh { get; set; }
    public string? BusinessRegistrationNumber { get; set; }
    public string? SizeClass { get; set; }
}

/// <summary>Which roles a member of each type of organisation may hold (the identity service's rule, shown as choices).</summary>
public static class OrganisationRoleChoices
{
    public static IReadOnlyList<string> For(string? organisationType) => organisationType switch
    {
        "Department" => ["DepartmentOfficer"],
        "Vendor" => ["Vendor"],
        "Chamber" => ["ChamberMember"],
        "FundingBody" => ["FundingOfficer", "Assessor"],
        "TrainingProvider" => ["Talent"],
        _ => [],
    };
}
