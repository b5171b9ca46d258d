namespace Marketplace.ServiceDefaults.Auditing;

/// <summary>
/// What a change made without a signed-in user is doing (a consumer applying an event, a scheduler's
/// round), so the audit log names the service and the event instead of an anonymous "system".
/// Flows with the async call it was begun in.
/// </summary>
public static class AuditCause
{
    private static readonly AsyncLocal<string?> s_current = new();

    public static string? Current => s_current.Value;

    public static IDisposable Begin(string cause)
    {
        var previous = s_current.Value;
        s_current.Value = cause;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
