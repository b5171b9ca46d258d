namespace Marketplace.ServiceDefaults.Auditing;

/// <summary>Marks an entity whose every change is written to the audit log (who, when, what).</summary>
public interface IAudited
{
    /// <summary>The entity's id as it appears in the audit log.</summary>
    string AuditId { get; }
}
