namespace Marketplace.ServiceDefaults.Observability;

/// <summary>
/// The correlation id of the request or message being handled. It flows from the HTTP header into
/// logs, into events written to the outbox, and from consumed messages into the events they cause.
/// </summary>
public static class CorrelationId
{
    public const string Header = "X-Correlation-ID";
    public const string LogProperty = "CorrelationId";

    private static readonly AsyncLocal<string?> s_current = new();

    public static string? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>Accepts a caller's id only when it is short and plain, so logs cannot be forged.</summary>
    public static string Sanitize(string? candidate) =>
        candidate is { Length: > 0 and <= 64 } && candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? candidate
            : Guid.NewGuid().ToString("N");
}
