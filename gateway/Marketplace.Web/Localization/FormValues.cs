using System.Globalization;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.Web.Api;

namespace Marketplace.Web.Localization;

/// <summary>
/// Turns what a form posts as text into the API's types: amounts typed with or without separators (<c>1,500,000</c>,
/// <c>HK$ 1500000</c>), read the same whatever the page's language, and dates or date-times typed in Hong Kong time (a
/// browser's date inputs carry no zone). A value that cannot be read becomes a message under the API's own field name,
/// so it shows where the API's own messages would. Every form of the UI reads its numbers here.
/// </summary>
/// <param name="mustBeDate">The message for a date that cannot be read; only forms with dates need one.</param>
public sealed class FormValues(string mustBeNumber, string mustBeDate = "")
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.OrdinalIgnoreCase);

    public ApiProblem? Problem => _errors.Count == 0 ? null : new ApiProblem(400, null, null, _errors);

    public decimal? Amount(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var cleaned = text.Replace(",", "", StringComparison.Ordinal).Replace("HK$", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        _errors[field] = [mustBeNumber];
        return null;
    }

    /// <summary>A message of the form's own under the API's field name (an id that is not one).</summary>
    public void Add(string field, string message) => _errors[field] = [message];

    public int? Whole(string? text, string field) => Amount(text, field) is { } value ? (value == decimal.Truncate(value) && Math.Abs(value) < int.MaxValue ? (int)value : Fail(field)) : null;

    /// <summary><c>2027-03-31</c> or <c>2027-03-31T18:00</c>, in Hong Kong time; a date alone is the end of that day.</summary>
    public DateTimeOffset? HongKong(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];
        if (DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (local.TimeOfDay == TimeSpan.Zero && !text.Contains(':', StringComparison.Ordinal))
            {
                local = local.AddDays(1).AddMinutes(-1);
            }
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), HongKongTime.Offset);
        }
        _errors[field] = [mustBeDate];
        return null;
    }

    /// <summary>For a <c>date</c> input's value: the instant's day in Hong Kong.</summary>
    public static string DateInput(DateTimeOffset? instant) =>
        instant is { } at ? at.ToOffset(HongKongTime.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    private int? Fail(string field)
    {
        _errors[field] = [mustBeNumber];
        return null;
    }
}
