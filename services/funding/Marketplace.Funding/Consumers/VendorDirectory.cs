using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Funding.Consumers;

internal static class VendorDirectory
{
    public static async Task<VendorFacts> FactsAsync(FundingDbContext db, Guid id, CancellationToken ct)
    {
        var vendor = await db.Vendors.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (vendor is null)
        {
            vendor = new VendorFacts(id);
            db.Vendors.Add(vendor);
        }
        return vendor;
    }
}
