using System.Globalization;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.ServiceDefaults.Validation;

/// <summary>
/// Collects per-field rule violations. Fields are named as the client sent them (camelCase JSON
/// paths such as <c>capabilities[1]</c>) so a form can put each message next to its input.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<LocalizedText>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IEnumerable<string> Fields => _errors.Keys;

    public ValidationErrors Add(string field, LocalizedText message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }
        list.Add(message);
        return this;
    }

    public ValidationErrors Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, Messages.Required.Format(field));
        }
        return this;
    }

    /// <summary>Required, and no longer than <paramref name="max"/> characters.</summary>
    public ValidationErrors Text(string field, string? value, int max, bool required = true)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            return Add(field, Messages.Required.Format(field));
        }
        if (value is not null && value.Length > max)
        {
            Add(field, Messages.MaxLength.Format(field, max));
        }
        return this;
    }

    public ValidationErrors Between(string field, decimal? value, decimal min, decimal max)
    {
        if (value is null)
        {
            return Add(field, Messages.Required.Format(field));
        }
        if (value < min || value > max)
        {
            Add(field, Messages.Between.Format(field, min.ToString("#,0.##", CultureInfo.InvariantCulture), max.ToString("#,0.##", CultureInfo.InvariantCulture)));
        }
        return this;
    }

    public ValidationErrors Between(string field, int? value, int min, int max) =>
        Between(field, (decimal?)value, min, max);

    public ValidationErrors OneOf(string field, string? value, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, Messages.Required.Format(field));
        }
        if (!allowed.Contains(value))
        {
            Add(field, Messages.OneOf.Format(field, string.Join(", ", allowed)));
        }
        return this;
    }

    /// <summary>
    /// The enum value a field names, by its documented name (case-insensitive), or null with an error
    /// listing the names; numbers ("0") and combinations ("A, B") are no spelling of a value. An empty
    /// optional field is absent.
    /// </summary>
    public TEnum? Enum<TEnum>(string field, string? value, bool required = false)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, Messages.Required.Format(field));
            }
            return null;
        }
        var names = System.Enum.GetNames<TEnum>();
        if (names.FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return System.Enum.Parse<TEnum>(name);
        }
        Add(field, Messages.OneOf.Format(field, string.Join(", ", names)));
        return null;
    }

    /// <summary>Required, and an email address by <see cref="EmailRule"/>.</summary>
    public ValidationErrors Email(string field, string? value, LocalizedText? message = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, Messages.Required.Format(field));
        }
        return EmailRule.IsValid(value) ? this : Add(field, message ?? Messages.EmailFormat.Format(field));
    }

    public ValidationErrors Must(bool condition, string field, LocalizedText message) =>
        condition ? this : Add(field, message);

    /// <summary>The same errors under a JSON path prefix (<c>scenario.titleEn</c>), for a request nested in another.</summary>
    public ValidationErrors Prefixed(string prefix)
    {
        var result = new ValidationErrors();
        foreach (var (field, messages) in _errors)
        {
            foreach (var message in messages)
            {
                result.Add(prefix + field, message);
            }
        }
        return result;
    }

    /// <summary>The errors in the current UI culture, shaped for <c>ValidationProblemDetails.errors</c>.</summary>
    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Current).ToArray(), StringComparer.Ordinal);

    public IReadOnlyList<LocalizedText> For(string field) =>
        _errors.TryGetValue(field, out var list) ? list : [];
}
