using System.Globalization;
using System.Text;
using System.Text.Json;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Web.Auth;

namespace Marketplace.Web.Api;

/// <summary>
/// Files the talent pages offer: a talent's data export (JSON) and the skill-gap figures (CSV). The browser holds only
/// the session cookie, so these endpoints fetch from the talent API with the person's token and hand the file on.
/// </summary>
internal static class TalentDownloads
{
    public const string ExportPath = "/talent/profile/export.json";
    public const string SkillGapPath = "/admin/talent/skill-gap.csv";

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapTalentDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportPath, ExportAsync).ExcludeFromDescription()
            .RequireAuthorization(p => p.AddAuthenticationSchemes(WebSchemes.Cookie).RequireRole(Roles.Talent));
        app.MapGet(SkillGapPath, SkillGapAsync).ExcludeFromDescription()
            .RequireAuthorization(p => p.AddAuthenticationSchemes(WebSchemes.Cookie).RequireRole(Roles.Admin));
        return app;
    }

    private static async Task<IResult> ExportAsync(TalentClient talent, CancellationToken ct)
    {
        var export = await talent.ExportAsync(ct);
        if (export.Problem is { } problem)
        {
            return TypedResults.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title);
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(export.Value, s_indented);
        return TypedResults.File(json, "application/json", "talent-profile-export.json");
    }

    /// <summary>One chart's figures: <c>part=skill</c> (default), <c>seniority</c> or <c>monthly</c>; UTF-8 with a byte order mark so spreadsheets read the Chinese labels.</summary>
    private static async Task<IResult> SkillGapAsync(TalentClient talent, string? part, CancellationToken ct)
    {
        var gap = await talent.SkillGapAsync(null, ct);
        if (gap.Value is not { } figures)
        {
            return TypedResults.Problem(gap.Problem?.Detail, statusCode: gap.Problem?.Status ?? 502, title: gap.Problem?.Title);
        }
        var csv = new StringBuilder();
        switch (part)
        {
            case "seniority":
                Line(csv, "seniority", "open_roles", "supply", "gap");
                foreach (var r in figures.BySeniority)
                {
                    Line(csv, r.Seniority, Number(r.OpenRoles), Number(r.Supply), Number(r.Gap));
                }
                break;
            case "monthly":
                Line(csv, "month", "demand", "supply");
                foreach (var r in figures.Monthly)
                {
                    Line(csv, r.Month, Number(r.Demand), Number(r.Supply));
                }
                break;
            default:
                Line(csv, "skill_uri", "label_en", "label_zh", "open_scenarios", "open_roles", "supply", "gap");
                foreach (var r in figures.BySkill)
                {
                    Line(csv, r.SkillUri, r.LabelEn, r.LabelZh, Number(r.OpenScenarios), Number(r.OpenRoles), Number(r.Supply), Number(r.Gap));
                }
                break;
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        var name = part is "seniority" or "monthly" ? part : "skill";
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"skill-gap-by-{name}.csv");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static void Line(StringBuilder csv, params string[] fields) =>
        csv.Append(string.Join(',', fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f))).Append("\r\n");
}
