using System.Diagnostics;

namespace Marketplace.ServiceDefaults.Observability;

/// <summary>
/// The correlation id is the W3C trace id of the request or message being handled: one id that a
/// caller can quote, that logs carry as <c>TraceId</c>, that audit entries and problem details name,
/// and that follows the events a request causes through the outbox and the bus to their consumers.
/// </summary>
public static class CorrelationId
{
    /// <summary>The response header naming the trace id; a caller's own value is kept beside the trace.</summary>
    public const string Header = "X-Correlation-ID";

    /// <summary>Log-scope property and span tag holding the id a caller sent in <see cref="Header"/>.</summary>
    public const string CallerLogProperty = "CallerCorrelationId";

    public const string CallerTag = "marketplace.caller_correlation_id";

    public static string? Current =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId.ToHexString() : null;

    /// <summary>The W3C <c>traceparent</c> of the current activity (55 characters), or null outside one.</summary>
    public static string? CurrentTraceParent =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;

    /// <summary>Accepts a caller's id only when it is short and plain, so logs cannot be forged.</summary>
    public static string? Sanitize(string? candidate) =>
        candidate is { Length: > 0 and <= 64 } && candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? candidate
            : null;
}
