using System.Text.Json.Serialization;

namespace Marketplace.Contracts.Identity;

/// <summary>A role a person holds in the marketplace (the names of the tokens' <c>role</c> claims).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberRole>))]
public enum MemberRole
{
    Admin,
    DepartmentOfficer,
    Vendor,
    FundingOfficer,
    Assessor,
    Talent,
    ChamberMember,
}
