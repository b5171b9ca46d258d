using System.Globalization;
using Marketplace.Web.Api;

namespace Marketplace.Web.Components.Pages.Vendor;

/// <summary>A showcase entry as the browser posts it; the catalogue validates, this only reads years as numbers.</summary>
public sealed class SolutionForm
{
    public const int ReferenceRows = 2;

    public string? Action { get; set; }
    public string? NameEn { get; set; }
    public string? NameZh { get; set; }
    public string? SummaryEn { get; set; }
    public string? SummaryZh { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionZh { get; set; }
    public List<string> Capabilities { get; set; } = [];
    public List<string> Sectors { get; set; } = [];
    public List<ReferenceForm> References { get; set; } = [];

    public static SolutionForm From(SolutionDetail s) => new()
    {
        NameEn = s.NameEn, NameZh = s.NameZh, SummaryEn = s.SummaryEn, SummaryZh = s.SummaryZh, DescriptionEn = s.DescriptionEn, DescriptionZh = s.DescriptionZh,
        Capabilities = [.. s.Capabilities], Sectors = [.. s.Sectors],
        References = s.DeploymentReferences.Select(r => new ReferenceForm
        {
            ClientEn = r.ClientEn, ClientZh = r.ClientZh, Year = r.Year.ToString(CultureInfo.InvariantCulture), DescriptionEn = r.DescriptionEn, DescriptionZh = r.DescriptionZh,
        }).ToList(),
    };

    public void Pad()
    {
        Capabilities ??= [];
        Sectors ??= [];
        References ??= [];
        References = [.. References.Where(r => !r.IsBlank)];
        while (References.Count < ReferenceRows)
        {
            References.Add(new ReferenceForm());
        }
    }

    public (SolutionBody Body, ApiProblem? Problem) ToBody(string notANumber)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var references = new List<DeploymentReferenceBody>();
        foreach (var r in References.Where(r => !r.IsBlank))
        {
            int? year = null;
            if (!string.IsNullOrWhiteSpace(r.Year))
            {
                if (int.TryParse(r.Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y))
                {
                    year = y;
                }
                else
                {
                    errors[$"deploymentReferences[{references.Count}].year"] = [notANumber];
                }
            }
            references.Add(new DeploymentReferenceBody(r.ClientEn, r.ClientZh, year, r.DescriptionEn, r.DescriptionZh));
        }
        var body = new SolutionBody(NameEn, NameZh, SummaryEn, SummaryZh, DescriptionEn, DescriptionZh, Capabilities, Sectors, references);
        return (body, errors.Count == 0 ? null : new ApiProblem(400, null, null, errors));
    }
}

public sealed class ReferenceForm
{
    public string? ClientEn { get; set; }
    public string? ClientZh { get; set; }
    public string? Year { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionZh { get; set; }

    public bool IsBlank => new[] { ClientEn, ClientZh, Year, DescriptionEn, DescriptionZh }.All(string.IsNullOrWhiteSpace);
}
