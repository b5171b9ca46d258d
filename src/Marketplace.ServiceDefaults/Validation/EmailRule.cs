using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Marketplace.ServiceDefaults.Validation;

/// <summary>
/// The one rule for an email address anywhere a caller gives one: a mailbox at a domain with a
/// top-level part (<c>name@example.hk</c>), so <c>a@b</c>, display names and surrounding spaces are refused.
/// </summary>
public static partial class EmailRule
{
    public const int MaxLength = 254;

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength }
        && !TextRules.HasForbiddenCharacters(value, multiline: false)
        && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && parsed.DisplayName.Length == 0
        && Shape().IsMatch(value);

    // Local part of dot-separated atoms; a domain of at least two labels, the last alphabetic.
    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9\p{L}]([A-Za-z0-9\p{L}-]{0,61}[A-Za-z0-9\p{L}])?\.)+[A-Za-z\p{L}]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
