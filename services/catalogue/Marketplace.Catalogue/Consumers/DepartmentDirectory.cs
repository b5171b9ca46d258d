using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Consumers;

/// <summary>Keeps the catalogue's department names in step with the identity service's organisations.</summary>
internal static class DepartmentDirectory
{
    public const string DepartmentType = "Department";

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
