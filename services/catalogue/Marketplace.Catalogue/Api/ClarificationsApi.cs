using System.Security.Claims;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
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

public sealed record QuestionRequest([MultilineText] string? Question);

public sealed record AnswerRequest([MultilineText] string? AnswerEn, [MultilineText] string? AnswerZh);

/// <summary>
/// A question as anyone may see it. There is deliberately no field naming the asker: <see cref="Mine"/>
/// only tells the asking vendor which questions are its own.
/// </summary>
public sealed record ClarificationResponse(
    Guid Id, string Question, string? AnswerEn, string? AnswerZh, DateTimeOffset AskedAt, DateTimeOffset? AnsweredAt, bool Mine)
{
    public static ClarificationResponse From(Clarification c, Guid? callerOrganisation) =>
        new(c.Id, c.Question, c.AnswerEn, c.AnswerZh, c.AskedAt, c.AnsweredAt, callerOrganisation == c.AskerOrganisationId);
}

/// <summary>
/// <c>/api/catalogue/scenarios/{id}/clarifications</c>: vendors ask until the cut-off before the
/// deadline; the department answers in both languages; answered questions are public.
/// </summary>
public static class ClarificationsApi
{
    public static readonly LocalizedText NotFound = new("This scenario has no question with this id.", "此情境沒有此編號的問題。");

    public static RouteGroupBuilder MapClarificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue/scenarios/{id:guid}/clarifications").WithTags("Clarifications").WithGroupName(CatalogueModule.Name);
        group.MapGet("/", ListAsync).AllowAnonymous()
            .WithSummary("Answered questions (public); the owning department also sees unanswered ones, a vendor also its own");
        group.MapPost("/", AskAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("Ask a question about a published scenario until the cut-off before its deadline (vendors)");
        group.MapPost("/{clarificationId:guid}/answer", AnswerAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Answer a question in English and Chinese; it becomes public (owning department; emits ClarificationAnswered)");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<ClarificationResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null || !ScenarioListing.CanSee(user, scenario))
        {
            return ProblemResults.NotFound(ScenariosApi.ScenarioNotFound);
        }
        var organisation = user.OrganisationId();
        var department = user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId);
        var vendor = user.IsInRole(Roles.Vendor) ? organisation : null;
        var questions = await db.Clarifications.AsNoTracking()
            .Where(c => c.ScenarioId == id && (c.AnsweredAt != null || department || c.AskerOrganisationId == vendor))
            .OrderBy(c => c.AskedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ClarificationResponse>>(questions.Select(c => ClarificationResponse.From(c, vendor)).ToList());
    }

    public static async Task<Results<Created<ClarificationResponse>, ValidationProblem, ProblemHttpResult>> AskAsync(
        Guid id, QuestionRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CatalogueOptions options, CancellationToken ct)
    {
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null || !ScenarioListing.CanSee(user, scenario))
        {
            return ProblemResults.NotFound(ScenariosApi.ScenarioNotFound);
        }
        if (user.OrganisationId() is not { } vendor)
        {
            return ProblemResults.Forbidden(ScenariosApi.NoDepartmentInToken);
        }
        var errors = new ValidationErrors().Text("question", request.Question, ScenarioDetails.TextMax);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var clarification = Clarification.Ask(scenario, request.Question!, vendor, user.UserId() ?? "", time.GetUtcNow(), options.ClarificationCutOff);
        db.Clarifications.Add(clarification);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/catalogue/scenarios/{id}/clarifications/{clarification.Id}", ClarificationResponse.From(clarification, vendor));
    }

    public static async Task<Results<Ok<ClarificationResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Guid id, Guid clarificationId, AnswerRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (scenario, denied) = await ScenariosApi.FindOwnAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        var clarification = await db.Clarifications.FirstOrDefaultAsync(c => c.Id == clarificationId && c.ScenarioId == scenario!.Id, ct);
        if (clarification is null)
        {
            return ProblemResults.NotFound(NotFound);
        }
        var errors = new ValidationErrors().Text("answerEn", request.AnswerEn, ScenarioDetails.TextMax).Text("answerZh", request.AnswerZh, ScenarioDetails.TextMax);
        if (!string.IsNullOrWhiteSpace(request.AnswerZh) && !request.AnswerZh.Any(ScenarioDetails.IsCjk))
        {
            errors.Add("answerZh", Messages.MustContainChinese.Format("answerZh"));
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        db.AddEvent(clarification.Reply(request.AnswerEn!, request.AnswerZh!, user.UserId() ?? "", now), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ClarificationResponse.From(clarification, null));
    }
}
