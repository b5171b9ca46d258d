using System.Text.Json;
using Marketplace.ServiceDefaults.Auditing;

namespace Marketplace.Catalogue.Api;

/// <summary>One line of an audit trail.</summary>
public sealed record AuditEntryResponse(
    DateTimeOffset At,
    string UserId,
    string? UserName,
    Guid? OrganisationId,
    string Action,
    JsonElement Changes,
    string? CorrelationId)
{
    public static AuditEntryResponse From(AuditEntry entry) => new(
        entry.At, entry.UserId, entry.UserName, entry.OrganisationId, entry.Action,
        JsonDocument.Parse(entry.Changes).RootElement.Clone(), entry.CorrelationId);
}
