using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.Contracts.Identity;
using Marketplace.Identity.Data;
using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;

namespace Marketplace.Standalone;

/// <summary>Seed/demo-data.json: organisations, demo users and a published batch of scenarios.</summary>
public sealed record DemoData(
    string DemoPassword,
    IReadOnlyList<CatalogueSeed.SeedDepartment> Departments,
    IReadOnlyList<DemoData.Organisation> Vendors,
    IReadOnlyList<DemoData.Organisation> Chambers,
    IReadOnlyList<DemoData.Organisation> FundingBodies,
    IReadOnlyList<DemoData.User> Users,
    IReadOnlyList<CatalogueSeed.SeedBatch> Batches,
    IReadOnlyList<CatalogueSeed.SeedScenario> Scenarios,
    IReadOnlyList<CatalogueSeed.SeedClarification> Clarifications,
    IReadOnlyList<CatalogueSeed.SeedSuccessCase> SuccessCases,
    IReadOnlyList<DemoData.Interest> ReplicationInterests,
    IReadOnlyList<CatalogueSeed.SeedSolution> Solutions,
    IReadOnlyList<DemoData.SavedSearch> SavedSearches,
    IReadOnlyList<DemoData.TalentProfile>? TalentProfiles = null)
{
    /// <summary>A demo talent's profile; the name is the demo user's.</summary>
    public sealed record TalentProfile(
        string Email, string? Headline, IReadOnlyList<TalentSeed.SeedSkill> Skills, IReadOnlyList<Language> Languages, int AvailableInDays, int SharePercent,
        ResidencyStatus Residency, bool ConsentToMatch, Guid? EmployerOrganisationId);

    public sealed record Organisation(Guid Id, string NameEn, string NameZh, string? BusinessRegistrationNumber = null, SizeClass? Size = null);

    public sealed record Interest(Guid Id, Guid SuccessCaseId, Guid ChamberId, string Sector, string Note);

    public sealed record SavedSearch(string UserEmail, string NameEn, string Query, SmartCityArea? Area, string? Sector, string? Capability, AlertFrequency Frequency);

    public sealed record User(string Email, string NameEn, string NameZh, string Role, Guid? OrganisationId, bool Manager, string Locale);

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static DemoData Load(string path) =>
        JsonSerializer.Deserialize<DemoData>(File.ReadAllText(path), s_json)
        ?? throw new InvalidOperationException($"{path} is empty.");

    /// <summary>The catalogue's part; saved searches belong to demo users, whose identity ids <paramref name="userIds"/> gives by email.</summary>
    public CatalogueSeed CatalogueFor(IReadOnlyDictionary<string, string> userIds) => new(
        Departments,
        [
            .. Vendors.Select(v => new CatalogueSeed.SeedOrganisation(v.Id, "Vendor", v.NameEn, v.NameZh)),
            .. Chambers.Select(c => new CatalogueSeed.SeedOrganisation(c.Id, "Chamber", c.NameEn, c.NameZh)),
        ],
        Batches, Scenarios, Clarifications, SuccessCases,
        ReplicationInterests.Select(i => new CatalogueSeed.SeedInterest(i.Id, i.SuccessCaseId, i.ChamberId, i.Sector, i.Note)).ToList(),
        Solutions,
        SavedSearches.Where(s => userIds.ContainsKey(s.UserEmail))
            .Select(s => new CatalogueSeed.SeedSavedSearch(userIds[s.UserEmail], s.NameEn, s.Query, s.Area, s.Sector, s.Capability, s.Frequency)).ToList());

    public CatalogueSeed Catalogue => CatalogueFor(new Dictionary<string, string>());

    /// <summary>Every organisation and demo user for the identity service, all with the one demo password.</summary>
    public IdentitySeed Identity => new(
        [
            .. Departments.Select(d => new IdentitySeed.SeedOrganisation(d.Id, OrganisationType.Department, d.NameEn, d.NameZh, null, null)),
            .. Vendors.Select(v => new IdentitySeed.SeedOrganisation(v.Id, OrganisationType.Vendor, v.NameEn, v.NameZh, v.BusinessRegistrationNumber, v.Size)),
            .. Chambers.Select(c => new IdentitySeed.SeedOrganisation(c.Id, OrganisationType.Chamber, c.NameEn, c.NameZh, null, null)),
            .. FundingBodies.Select(f => new IdentitySeed.SeedOrganisation(f.Id, OrganisationType.FundingBody, f.NameEn, f.NameZh, null, null)),
        ],
        Users.Select(u => new IdentitySeed.SeedUser(u.Email, u.Locale == "zh-HK" ? u.NameZh : u.NameEn, u.Locale, u.Role, u.OrganisationId, u.Manager)).ToList(),
        DemoPassword);

    /// <summary>The organisation's kind and name, for the token's org_type claim and the start-up listing.</summary>
    public (string Type, string Name)? DescribeOrganisation(Guid? id) =>
        id is not { } orgId ? null
        : Departments.FirstOrDefault(d => d.Id == orgId) is { } d ? ("Department", d.NameEn)
        : Vendors.FirstOrDefault(v => v.Id == orgId) is { } v ? ("Vendor", v.NameEn)
        : Chambers.FirstOrDefault(c => c.Id == orgId) is { } c ? ("Chamber", c.NameEn)
        : FundingBodies.FirstOrDefault(f => f.Id == orgId) is { } f ? ("FundingBody", f.NameEn)
        : null;
}
