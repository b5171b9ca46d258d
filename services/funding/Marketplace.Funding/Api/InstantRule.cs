using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;

namespace Marketplace.Funding.Api;

/// <summary>Dates of schemes, decisions and milestones: required and within a sensible range (far instants cannot be stored on every provider).</summary>
internal static class InstantRule
{
    private static readonly DateTimeOffset s_earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly LocalizedText OutOfRange = new("'{0}' must be a date between 2000 and 2100.", "「{0}」必須為 2000 至 2100 年之間的日期。");

    public static ValidationErrors Instant(this ValidationErrors errors, string field, DateTimeOffset? value) =>
        value is null ? errors.Required(field, null)
        : value < s_earliest || value >= s_latest ? errors.Add(field, OutOfRange.Format(field))
        : errors;
}
