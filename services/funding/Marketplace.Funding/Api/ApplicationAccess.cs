using System.Security.Claims;
using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Funding.Api;

/// <summary>Who the caller is to an application.</summary>
public enum Viewer
{
    /// <summary>The applicant's own organisation.</summary>
    Vendor,
    /// <summary>An officer of the scheme's funding body (not withheld from as an assessor).</summary>
    Officer,
    /// <summary>An assigned assessor who declared no conflict.</summary>
    Assessor,
}

/// <summary>
/// The one place that decides what of an application reaches a caller. A person assigned as an
/// assessor who has not declared no conflict (pending, or declined) receives nothing of it from any
/// endpoint, even as an officer of the funding body: 403 with the reason, never its content.
/// </summary>
internal static class ApplicationAccess
{
    public static Guid? UserGuid(this ClaimsPrincipal user) => Guid.TryParse(user.UserId(), out var id) ? id : null;

    public static ProblemHttpResult? Withheld(ClaimsPrincipal user, FundingApplication application) =>
        user.UserGuid() is { } id && application.AssignmentOf(id) is { } assignment && assignment.Response != AssignmentResponse.Accepted
            ? ProblemResults.Forbidden(assignment.Response == AssignmentResponse.Pending ? "declare-first" : "assignment-declined",
                assignment.Response == AssignmentResponse.Pending ? FundingTexts.DeclareFirst : FundingTexts.Declined)
            : null;

    public static Viewer? ViewerOf(ClaimsPrincipal user, FundingApplication application)
    {
        if (user.ActsFor(Roles.Vendor, application.VendorId))
        {
            return Viewer.Vendor;
        }
        if (user.ActsFor(Roles.FundingOfficer, application.FundingBodyId))
        {
            return Viewer.Officer;
        }
        var member = user.OrganisationId() == application.FundingBodyId && (user.IsInRole(Roles.Assessor) || user.IsInRole(Roles.FundingOfficer));
        return member && user.UserGuid() is { } id && application.MayBeSeenByAssessor(id) ? Viewer.Assessor : null;
    }

    /// <summary>The application with its scheme when the caller is one of <paramref name="allowed"/>; otherwise the refusal to answer.</summary>
    public static async Task<(FundingApplication? Application, Scheme? Scheme, Viewer Viewer, ProblemHttpResult? Denied)> LoadAsync(
        FundingDbContext db, Guid id, ClaimsPrincipal user, Viewer[] allowed, CancellationToken ct)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return (null, null, default, ProblemResults.NotFound(FundingTexts.ApplicationNotFound));
        }
        if (Withheld(user, application) is { } withheld)
        {
            return (null, null, default, withheld);
        }
        if (ViewerOf(user, application) is not { } viewer)
        {
            return (null, null, default, ProblemResults.NotFound(FundingTexts.ApplicationNotFound));
        }
        if (!allowed.Contains(viewer))
        {
            return (null, null, default, ProblemResults.Forbidden());
        }
        var scheme = await db.Schemes.FirstAsync(s => s.Id == application.SchemeId, ct);
        return (application, scheme, viewer, null);
    }

    /// <summary>The engine's report for the application now, from the vendor's facts and its other applications.</summary>
    public static async Task<EligibilityReport> EvaluateAsync(FundingDbContext db, FundingApplication application, Scheme scheme, CancellationToken ct)
    {
        var vendor = await db.Vendors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == application.VendorId, ct);
        var others = await db.Applications.AsNoTracking()
            .Where(a => a.VendorId == application.VendorId && a.Id != application.Id)
            .Select(a => new OtherApplication(a.Id, a.SchemeId, a.ProjectId, a.Status, a.GrantHkd))
            .ToListAsync(ct);
        return EligibilityEngine.Evaluate(scheme, application.Facts, vendor, others);
    }
}
