using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.Contracts.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Consumers;

/// <summary>Keeps the catalogue's department and organisation names in step with the identity service's organisations.</summary>
internal static class DepartmentDirectory
{
    /// <summary>Departments name scenarios; vendors and chambers are named on success cases, interests and the showcase; other kinds are not shown here.</summary>
    public static Task UpsertAsync(CatalogueDbContext db, Guid id, OrganisationType type, string nameEn, string nameZh, OrganisationStatus status, DateTimeOffset asOf, CancellationToken ct) =>
        type switch
        {
            OrganisationType.Department => UpsertDepartmentAsync(db, id, nameEn, nameZh, asOf, ct),
            OrganisationType.Vendor or OrganisationType.Chamber => UpsertOtherAsync(db, id, type, nameEn, nameZh, status, asOf, ct),
            _ => Task.CompletedTask,
        };

    /// <summary>An approval carries no names: it is kept for an organisation whose registration has not arrived yet, named once it does.</summary>
    public static async Task ApprovedAsync(CatalogueDbContext db, Guid id, OrganisationType type, DateTimeOffset approvedAt, CancellationToken ct)
    {
        if (type is not (OrganisationType.Vendor or OrganisationType.Chamber))
        {
            return;
        }
        var organisation = await db.OrganisationNames.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            organisation = new OrganisationName(id, type, "", "", OrganisationStatus.Pending, DateTimeOffset.MinValue);
            db.OrganisationNames.Add(organisation);
        }
        organisation.ChangeStatus(OrganisationStatus.Approved, approvedAt);
    }

    private static async Task UpsertOtherAsync(CatalogueDbContext db, Guid id, OrganisationType type, string nameEn, string nameZh, OrganisationStatus status, DateTimeOffset asOf, CancellationToken ct)
    {
        var organisation = await db.OrganisationNames.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            db.OrganisationNames.Add(new OrganisationName(id, type, nameEn, nameZh, status, asOf));
            return;
        }
        organisation.Rename(nameEn, nameZh, asOf);
        organisation.ChangeStatus(status, asOf);
    }

    private static async Task UpsertDepartmentAsync(CatalogueDbContext db, Guid id, string nameEn, string nameZh, DateTimeOffset asOf, CancellationToken ct)
    {
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (department is null)
        {
            db.Departments.Add(new Department(id, nameEn, nameZh, asOf));
        }
        else
        {
            department.Rename(nameEn, nameZh, asOf);
        }
    }
}
