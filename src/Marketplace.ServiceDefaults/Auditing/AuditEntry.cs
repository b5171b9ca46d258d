namespace Marketplace.ServiceDefaults.Auditing;

/// <summary>One state change of an audited entity, saved in the same transaction as the change.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(DateTimeOffset at, AuditActor actor, string entityType, string entityId, string action, string changes, string? correlationId)
    {
        At = at;
        UserId = actor.UserId;
        UserName = actor.UserName;
        OrganisationId = actor.OrganisationId;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes;
        CorrelationId = correlationId;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The token's subject, or <c>system</c> for changes made by consumers and background work (then <see cref="UserName"/> names the service and the event or work).</summary>
    public string UserId { get; private set; } = "";

    public string? UserName { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    /// <summary>The entity's transition ("Published", "Awarded"), or <c>Created</c>, <c>Updated</c>, <c>Deleted</c>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>JSON object of the changed properties: <c>{"Status":{"from":"Draft","to":"Published"}}</c>.</summary>
    public string Changes { get; private set; } = "{}";

    public string? CorrelationId { get; private set; }
}

public sealed record AuditActor(string UserId, string? UserName, Guid? OrganisationId)
{
    public static readonly AuditActor System = new("system", null, null);
}
