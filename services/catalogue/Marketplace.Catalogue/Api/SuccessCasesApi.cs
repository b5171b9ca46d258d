using System.Security.Claims;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.Contracts.Identity;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Api;

public sealed record KpiOutcomeRequest(string? NameEn, string? NameZh, string? Target, string? Achieved);

public sealed record SuccessCaseRequest(
    Guid? VendorOrganisationId, Guid? ScenarioId, string? TitleEn, string? TitleZh, [MultilineText] string? SummaryEn, [MultilineText] string? SummaryZh,
    [MultilineText] string? OutcomesEn, [MultilineText] string? OutcomesZh, string? Area, string? Sector, IReadOnlyList<string>? Capabilities, IReadOnlyList<KpiOutcomeRequest>? Kpis);

public sealed record InterestRequest(string? Sector, [MultilineText] string? Note);

public sealed record OrganisationSummary(Guid Id, string? NameEn, string? NameZh);

public sealed record SuccessCaseResponse(
    Guid Id, Guid? ScenarioId, DepartmentSummary Department, OrganisationSummary Vendor, string TitleEn, string TitleZh,
    string SummaryEn, string SummaryZh, string OutcomesEn, string OutcomesZh, string Area, string Sector, IReadOnlyList<string> Capabilities,
    IReadOnlyList<KpiOutcome> Kpis, string Status, DateTimeOffset? DepartmentApprovedAt, DateTimeOffset? VendorApprovedAt,
    DateTimeOffset? PublishedAt, int Version);

public sealed record InterestResponse(Guid Id, Guid SuccessCaseId, OrganisationSummary Organisation, string Sector, string Note, DateTimeOffset RegisteredAt);

public sealed record SuccessCaseQuery(string? Q, string? Area, string? Sector, string? Capability, bool? Mine, int? Page, int? PageSize);

/// <summary>
/// <c>/api/catalogue/success-cases</c>: what completed projects achieved. Published cases are public;
/// drafts are seen and approved by their department and their vendor; chamber members register
/// interest to replicate, which the department and the vendor see as new demand.
/// </summary>
public static class SuccessCasesApi
{
    public static readonly LocalizedText NotFound = new("No success case has this id.", "找不到此編號的成功個案。");
    public static readonly LocalizedText NotYours = new(
        "Only the department and the vendor of this success case may do this.", "只有此成功個案的部門及供應商可以進行此操作。");
    public static readonly LocalizedText ScenarioNotYours = new(
        "'scenarioId' must be one of your department's scenarios.", "「scenarioId」必須是你所屬部門的情境。");
    public static readonly LocalizedText NotAnApprovedVendor = new(
        "'vendorOrganisationId' must be an approved vendor organisation of the marketplace.", "「vendorOrganisationId」必須是平台上已獲批准的供應商機構。");
    public static readonly LocalizedText FieldIsFixed = new(
        "'{0}' cannot change once the success case is drafted; send the current value or leave it out.", "成功個案起草後不能更改「{0}」；請填寫現有值或不填。");

    public static RouteGroupBuilder MapSuccessCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue/success-cases").WithTags("Success cases").WithGroupName(CatalogueModule.Name);
        group.MapGet("/", ListAsync).AllowAnonymous()
            .WithSummary("Browse published success cases by sector, area, capability and text (mine=true: a department's or vendor's own drafts too)");
        group.MapGet("/{id:guid}", GetAsync).AllowAnonymous().WithSummary("One success case (drafts: its department and vendor only)");
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Draft a success case for an earlier project of the caller's department");
        group.MapPut("/{id:guid}", EditAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Edit a draft (its department); both approvals are withdrawn");
        group.MapPost("/{id:guid}/approve", ApproveAsync).RequireAuthorization(p => p.RequireRole(Roles.DepartmentOfficer, Roles.Vendor))
            .WithSummary("Approve the draft as its department or its vendor; the second approval publishes it (emits SuccessCasePublished)");
        group.MapPost("/{id:guid}/interests", RegisterInterestAsync).RequireAuthorization(Roles.ChamberMember)
            .WithSummary("Register the caller's organisation's interest to replicate a published case (emits ReplicationInterestRegistered)");
        group.MapGet("/{id:guid}/interests", InterestsAsync).RequireAuthorization(p => p.RequireRole(Roles.DepartmentOfficer, Roles.Vendor, Roles.Admin, Roles.ChamberMember))
            .WithSummary("The replication interest in a case (its department, its vendor, administrators; a chamber member: its own organisation's)");
        return group;
    }

    public static async Task<Results<Ok<PagedResult<SuccessCaseResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] SuccessCaseQuery query, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        var area = errors.ParseEnum<SmartCityArea>("area", query.Area);
        if (query.Sector is not null)
        {
            errors.OneOf("sector", query.Sector, Taxonomy.Sectors.Keys.ToArray());
        }
        if (query.Capability is not null)
        {
            errors.OneOf("capability", query.Capability, Taxonomy.Capabilities.Keys.ToArray());
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var organisation = user.OrganisationId();
        var cases = db.SuccessCases.AsNoTracking();
        cases = query.Mine == true && organisation is { } own
            ? cases.Where(c => c.DepartmentId == own || c.VendorOrganisationId == own)
            : cases.Where(c => c.Status == SuccessCaseStatus.Published);
        if (area is { } a)
        {
            cases = cases.Where(c => c.Area == a);
        }
        if (query.Sector is { } sector)
        {
            cases = cases.Where(c => c.Sector == sector);
        }
        if (query.Capability is { } capability)
        {
            cases = cases.Where(c => c.Capabilities.Contains(capability));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // A few hundred cases at most: a substring match over the bilingual titles and summaries is enough here.
            var q = query.Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() here is SQL lower(), not .NET culture rules
            cases = cases.Where(c => c.TitleEn.ToLower().Contains(q) || c.TitleZh.Contains(q) || c.SummaryEn.ToLower().Contains(q) || c.SummaryZh.Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var total = await cases.CountAsync(ct);
        var items = await cases.OrderByDescending(c => c.PublishedAt ?? c.UpdatedAt).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<SuccessCaseResponse>(await ToResponsesAsync(db, items, ct), page, pageSize, total));
    }

    public static async Task<Results<Ok<SuccessCaseResponse>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var successCase = await db.SuccessCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (successCase is null || (successCase.Status != SuccessCaseStatus.Published && !IsParty(user, successCase)))
        {
            return ProblemResults.NotFound(NotFound);
        }
        return TypedResults.Ok((await ToResponsesAsync(db, [successCase], ct))[0]);
    }

    public static async Task<Results<Created<SuccessCaseResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SuccessCaseRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (user.OrganisationId() is not { } department)
        {
            return ProblemResults.Forbidden(ScenariosApi.NoDepartmentInToken);
        }
        var (content, errors) = Check(request);
        if (request.VendorOrganisationId is not { } vendorId)
        {
            errors.Required("vendorOrganisationId", null);
        }
        else if (!await db.OrganisationNames.AnyAsync(o => o.Id == vendorId && o.Type == OrganisationType.Vendor && o.Status == OrganisationStatus.Approved, ct))
        {
            // Checked against the identity facts the catalogue keeps from the identity service's events.
            errors.Add("vendorOrganisationId", NotAnApprovedVendor);
        }
        if (request.ScenarioId is { } scenarioId && !await db.Scenarios.AnyAsync(s => s.Id == scenarioId && s.DepartmentId == department, ct))
        {
            errors.Add("scenarioId", ScenarioNotYours);
        }
        if (content is null || !errors.IsValid)
        {
            return errors.ToProblem();
        }
        var successCase = SuccessCase.Draft(department, request.VendorOrganisationId!.Value, request.ScenarioId, null, content, time.GetUtcNow());
        db.SuccessCases.Add(successCase);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/catalogue/success-cases/{successCase.Id}", (await ToResponsesAsync(db, [successCase], ct))[0]);
    }

    public static async Task<Results<Ok<SuccessCaseResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid id, SuccessCaseRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var successCase = await db.SuccessCases.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (successCase is null || (successCase.Status != SuccessCaseStatus.Published && !IsParty(user, successCase)))
        {
            return ProblemResults.NotFound(NotFound);
        }
        if (!user.ActsFor(Roles.DepartmentOfficer, successCase.DepartmentId))
        {
            return ProblemResults.Forbidden(NotYours);
        }
        var (content, errors) = Check(request);
        // Who delivered it and which scenario it came from are facts, not text: refused, not ignored.
        if (request.VendorOrganisationId is { } vendor && vendor != successCase.VendorOrganisationId)
        {
            errors.Add("vendorOrganisationId", FieldIsFixed.Format("vendorOrganisationId"));
        }
        if (request.ScenarioId is { } scenario && scenario != successCase.ScenarioId)
        {
            errors.Add("scenarioId", FieldIsFixed.Format("scenarioId"));
        }
        if (content is null || !errors.IsValid)
        {
            return errors.ToProblem();
        }
        successCase.Edit(content, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ToResponsesAsync(db, [successCase], ct))[0]);
    }

    public static async Task<Results<Ok<SuccessCaseResponse>, ProblemHttpResult>> ApproveAsync(
        Guid id, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var successCase = await db.SuccessCases.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (successCase is null || (successCase.Status != SuccessCaseStatus.Published && !IsParty(user, successCase)))
        {
            return ProblemResults.NotFound(NotFound);
        }
        var asDepartment = user.ActsFor(Roles.DepartmentOfficer, successCase.DepartmentId);
        if (!asDepartment && !user.ActsFor(Roles.Vendor, successCase.VendorOrganisationId))
        {
            return ProblemResults.Forbidden(NotYours);
        }
        var now = time.GetUtcNow();
        if (successCase.Approve(asDepartment, now) is { } published)
        {
            db.AddEvent(published, now);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ToResponsesAsync(db, [successCase], ct))[0]);
    }

    public static async Task<Results<Created<InterestResponse>, ValidationProblem, ProblemHttpResult>> RegisterInterestAsync(
        Guid id, InterestRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var successCase = await db.SuccessCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (successCase is null || (successCase.Status != SuccessCaseStatus.Published && !IsParty(user, successCase)))
        {
            return ProblemResults.NotFound(NotFound);
        }
        if (user.OrganisationId() is not { } organisation)
        {
            return ProblemResults.Forbidden(ScenariosApi.NoDepartmentInToken);
        }
        var errors = new ValidationErrors().OneOf("sector", request.Sector, Taxonomy.Sectors.Keys.ToArray()).Text("note", request.Note, 2000);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        var (interest, registered) = ReplicationInterest.Register(successCase, organisation, user.UserId() ?? "", request.Sector!, request.Note!, now);
        db.ReplicationInterests.Add(interest);
        db.AddEvent(registered, now);
        await db.SaveChangesAsync(ct);
        var names = await NamesAsync(db, [organisation], ct);
        return TypedResults.Created($"/api/catalogue/success-cases/{id}/interests/{interest.Id}",
            new InterestResponse(interest.Id, id, Summary(organisation, names), interest.Sector, interest.Note, interest.RegisteredAt));
    }

    public static async Task<Results<Ok<IReadOnlyList<InterestResponse>>, ProblemHttpResult>> InterestsAsync(
        Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var successCase = await db.SuccessCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (successCase is null)
        {
            return ProblemResults.NotFound(NotFound);
        }
        var interests = db.ReplicationInterests.AsNoTracking().Where(i => i.SuccessCaseId == id);
        if (!user.IsInRole(Roles.Admin) && !IsParty(user, successCase))
        {
            if (!user.IsInRole(Roles.ChamberMember))
            {
                return ProblemResults.Forbidden(NotYours);
            }
            // A chamber member sees only its own organisation's interest (to know it is registered), never who else is interested;
            // a draft is as unknown to it as to registering interest.
            if (successCase.Status != SuccessCaseStatus.Published)
            {
                return ProblemResults.NotFound(NotFound);
            }
            if (user.OrganisationId() is not { } own)
            {
                return ProblemResults.Forbidden(ScenariosApi.NoDepartmentInToken);
            }
            interests = interests.Where(i => i.InterestedOrganisationId == own);
        }
        var listed = await interests.OrderByDescending(i => i.RegisteredAt).ToListAsync(ct);
        var names = await NamesAsync(db, listed.Select(i => i.InterestedOrganisationId), ct);
        return TypedResults.Ok<IReadOnlyList<InterestResponse>>(listed
            .Select(i => new InterestResponse(i.Id, id, Summary(i.InterestedOrganisationId, names), i.Sector, i.Note, i.RegisteredAt)).ToList());
    }

    private static bool IsParty(ClaimsPrincipal user, SuccessCase c) =>
        user.ActsFor(Roles.DepartmentOfficer, c.DepartmentId) || user.ActsFor(Roles.Vendor, c.VendorOrganisationId);

    private static (SuccessCaseContent? Content, ValidationErrors Errors) Check(SuccessCaseRequest r)
    {
        var errors = new ValidationErrors()
            .Text("titleEn", r.TitleEn, ScenarioDetails.TitleMax).Text("titleZh", r.TitleZh, ScenarioDetails.TitleMax)
            .Text("summaryEn", r.SummaryEn, ScenarioDetails.TextMax).Text("summaryZh", r.SummaryZh, ScenarioDetails.TextMax)
            .Text("outcomesEn", r.OutcomesEn, ScenarioDetails.TextMax).Text("outcomesZh", r.OutcomesZh, ScenarioDetails.TextMax)
            .OneOf("sector", r.Sector, Taxonomy.Sectors.Keys.ToArray());
        foreach (var (field, value) in new[] { ("titleZh", r.TitleZh), ("summaryZh", r.SummaryZh), ("outcomesZh", r.OutcomesZh) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !value.Any(ScenarioDetails.IsCjk))
            {
                errors.Add(field, Messages.MustContainChinese.Format(field));
            }
        }
        var area = errors.ParseEnum<SmartCityArea>("area", r.Area);
        if (r.Area is null)
        {
            errors.Required("area", null);
        }
        var capabilities = r.Capabilities ?? [];
        for (var i = 0; i < capabilities.Count; i++)
        {
            errors.OneOf($"capabilities[{i}]", capabilities[i], Taxonomy.Capabilities.Keys.ToArray());
        }
        var kpis = r.Kpis ?? [];
        for (var i = 0; i < kpis.Count; i++)
        {
            errors.Text($"kpis[{i}].nameEn", kpis[i]?.NameEn, ScenarioDetails.TitleMax).Text($"kpis[{i}].nameZh", kpis[i]?.NameZh, ScenarioDetails.TitleMax)
                .Text($"kpis[{i}].target", kpis[i]?.Target, ScenarioDetails.TitleMax).Text($"kpis[{i}].achieved", kpis[i]?.Achieved, ScenarioDetails.TitleMax);
        }
        if (!errors.IsValid || area is not { } a)
        {
            return (null, errors);
        }
        return (new SuccessCaseContent(r.TitleEn!, r.TitleZh!, r.SummaryEn!, r.SummaryZh!, r.OutcomesEn!, r.OutcomesZh!, a, r.Sector!, capabilities,
            kpis.Select(k => new KpiOutcome(k!.NameEn!.Trim(), k.NameZh!.Trim(), k.Target!.Trim(), k.Achieved!.Trim())).ToList()), errors);
    }

    internal static async Task<Dictionary<Guid, OrganisationName>> NamesAsync(CatalogueDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.OrganisationNames.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
    }

    internal static OrganisationSummary Summary(Guid id, Dictionary<Guid, OrganisationName> names) =>
        names.TryGetValue(id, out var name) ? new OrganisationSummary(id, name.NameEn, name.NameZh) : new OrganisationSummary(id, null, null);

    private static async Task<IReadOnlyList<SuccessCaseResponse>> ToResponsesAsync(CatalogueDbContext db, IReadOnlyList<SuccessCase> cases, CancellationToken ct)
    {
        var departmentIds = cases.Select(c => c.DepartmentId).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var vendors = await NamesAsync(db, cases.Select(c => c.VendorOrganisationId), ct);
        return cases.Select(c => new SuccessCaseResponse(
            c.Id, c.ScenarioId,
            departments.TryGetValue(c.DepartmentId, out var d) ? new DepartmentSummary(d.Id, d.NameEn, d.NameZh) : new DepartmentSummary(c.DepartmentId, null, null),
            Summary(c.VendorOrganisationId, vendors), c.TitleEn, c.TitleZh, c.SummaryEn, c.SummaryZh, c.OutcomesEn, c.OutcomesZh,
            c.Area.ToString(), c.Sector, c.Capabilities, c.Kpis, c.Status.ToString(), c.DepartmentApprovedAt, c.VendorApprovedAt, c.PublishedAt, c.Version)).ToList();
    }
}
