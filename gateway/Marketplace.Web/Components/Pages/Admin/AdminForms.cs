using System.Globalization;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.Web.Api;

namespace Marketplace.Web.Components.Pages.Admin;

/// <summary>A decision that needs a reason (reject, suspend, return), as the browser posts it.</summary>
public sealed class ReasonForm
{
    public string? Reason { get; set; }
}

/// <summary>
/// The batch form as typed: year and number as text, the deadline as the browser's <c>datetime-local</c> value read as
/// Hong Kong time. The catalogue's API validates; this only turns text into numbers and a time.
/// </summary>
public sealed class BatchForm
{
    public const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    public string? Year { get; set; }
    public string? Number { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionZh { get; set; }
    public string? ProposalDeadline { get; set; }

    public static BatchForm From(Batch b) => new()
    {
        Year = b.Year.ToString(CultureInfo.InvariantCulture), Number = b.Number.ToString(CultureInfo.InvariantCulture),
        DescriptionEn = b.DescriptionEn, DescriptionZh = b.DescriptionZh,
        ProposalDeadline = b.ProposalDeadline.ToOffset(HongKongTime.Offset).ToString(LocalFormat, CultureInfo.InvariantCulture),
    };

    /// <summary>The API body; or, when a number or the time cannot be read, the problem to show next to it.</summary>
    public (BatchBody Body, ApiProblem? Problem) ToBody(string notANumber, string notATime)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var year = Whole("year", Year);
        var number = Whole("number", Number);
        DateTimeOffset? deadline = null;
        if (!string.IsNullOrWhiteSpace(ProposalDeadline))
        {
            if (DateTime.TryParseExact(ProposalDeadline.Trim(), [LocalFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var local))
            {
                deadline = new DateTimeOffset(local, HongKongTime.Offset);
            }
            else
            {
                errors["proposalDeadline"] = [notATime];
            }
        }
        var body = new BatchBody(year, number, DescriptionEn, DescriptionZh, deadline);
        return (body, errors.Count == 0 ? null : new ApiProblem(400, null, null, errors));

        int? Whole(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            errors[field] = [notANumber];
            return null;
        }
    }
}
