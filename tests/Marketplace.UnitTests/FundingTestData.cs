using Marketplace.Contracts.Identity;
using Marketplace.Funding.Domain;

namespace Marketplace.UnitTests;

/// <summary>Schemes, vendors and applications for the funding rules' tests.</summary>
internal static class FundingTestData
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    public static Scheme Scheme(string code, SchemeRules? rules = null)
    {
        var content = SchemeCatalogue.HongKong(Now.AddMonths(-1)).Single(s => s.Code == code);
        return new Scheme(Guid.NewGuid(), Guid.NewGuid(), rules is null ? content : content with { Rules = rules });
    }

    public static VendorFacts Vendor(SizeClass size = SizeClass.SME, string? brn = "12345678")
    {
        var vendor = new VendorFacts(Guid.NewGuid());
        vendor.Registration(brn);
        vendor.Details("Harbour AI Limited", "港灣智能有限公司", size, OrganisationStatus.Approved, Now.AddYears(-1));
        return vendor;
    }

    public static ApplicationFacts Application(Scheme scheme, decimal contribution, params (CostType Type, decimal Amount)[] budget) =>
        new(Guid.NewGuid(), scheme.Id, Guid.NewGuid(), "transport", [.. budget.Select(b => new BudgetLine(b.Type, b.Amount, b.Type.ToString()))], contribution, true, true);

    public static OtherApplication Granted(Scheme scheme, decimal grant, ApplicationStatus status = ApplicationStatus.Completed) =>
        new(Guid.NewGuid(), scheme.Id, Guid.NewGuid(), status, grant);
}
