using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.OpenData.Api;

/// <summary>The same data by batch, department or year of publication (Hong Kong time).</summary>
public sealed record ReleaseFilter(Guid? BatchId, Guid? DepartmentId, int? Year)
{
    public void Check(ValidationErrors errors)
    {
        if (Year is not null)
        {
            errors.Between("year", Year, 2000, 2100);
        }
    }

    public bool Any => BatchId is not null || DepartmentId is not null || Year is not null;

    public IQueryable<OcdsRelease> Apply(IQueryable<OcdsRelease> releases, OpenDataDbContext db)
    {
        if (!Any)
        {
            return releases;
        }
        var ids = Scenarios(db).Select(s => s.ScenarioId);
        return releases.Where(r => ids.Contains(r.ScenarioId));
    }

    /// <summary>The scenarios the filter selects (all of them when it names nothing).</summary>
    public IQueryable<ScenarioIndex> Scenarios(OpenDataDbContext db)
    {
        var scenarios = db.Scenarios.AsNoTracking();
        if (BatchId is { } batch)
        {
            scenarios = scenarios.Where(s => s.BatchId == batch);
        }
        if (DepartmentId is { } department)
        {
            scenarios = scenarios.Where(s => s.DepartmentId == department);
        }
        if (Year is { } year)
        {
            scenarios = scenarios.Where(s => s.Year == year);
        }
        return scenarios;
    }

    /// <summary>The filter as a query string for paging links (empty when unfiltered).</summary>
    public string ToQuery() =>
        (BatchId is { } b ? "&batchId=" + b : "") + (DepartmentId is { } d ? "&departmentId=" + d : "") +
        (Year is { } y ? "&year=" + y.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
}
