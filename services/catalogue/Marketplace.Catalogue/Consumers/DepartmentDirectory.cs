using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Consumers;

/// <summary>Keeps the catalogue's department names in step with the identity service's organisations.</summary>
internal static class DepartmentDirectory
{
    public const string DepartmentType = "Department";

    /// <summary>Vendors and chambers are named on success cases, interests and the showcase.</summary>
    public static async Task UpsertOtherAsync(CatalogueDbContext db, Guid id, string type, string nameEn, string nameZh, DateTimeOffset asOf, CancellationToken ct)
    {
        if (type is not ("Vendor" or "Chamber"))
        {
            return;
        }
        var organisation = await db.OrganisationNames.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            db.OrganisationNames.Add(new OrganisationName(id, type, nameEn, nameZh, asOf));
        }
        else
        {
            organisation.Rename(nameEn, nameZh, asOf);
        }
    }

    public static async Task UpsertAsync(CatalogueDbContext db, Guid id, string nameEn, string nameZh, DateTimeOffset asOf, CancellationToken ct)
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
