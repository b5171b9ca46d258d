namespace Marketplace.ServiceDefaults.Auth;

/// <summary>The marketplace roles; each is also the name of an authorization policy.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string DepartmentOfficer = nameof(DepartmentOfficer);
    public const string Vendor = nameof(Vendor);
    public const string FundingOfficer = nameof(FundingOfficer);
    public const string Assessor = nameof(Assessor);
    public const string Talent = nameof(Talent);
    public const string ChamberMember = nameof(ChamberMember);

    public static readonly IReadOnlyList<string> All =
        [Admin, DepartmentOfficer, Vendor, FundingOfficer, Assessor, Talent, ChamberMember];
}
