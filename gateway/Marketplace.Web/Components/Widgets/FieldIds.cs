namespace Marketplace.Web.Components.Widgets;

/// <summary>The HTML id of the input for an API field name: <c>kpis[0].target</c> becomes <c>kpis-0-target</c>.</summary>
public static class FieldIds
{
    public static string For(string apiField) =>
        new string(apiField.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-').Replace("--", "-", StringComparison.Ordinal);

    public static string? DescribedBy(Api.ApiProblem? problem, string apiField) =>
        problem?.For(apiField).Any() == true ? For(apiField) + "-error" : null;
}
