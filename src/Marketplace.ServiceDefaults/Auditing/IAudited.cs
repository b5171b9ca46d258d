namespace Marketplace.ServiceDefaults.Auditing;

/// <summary>Marks an entity whose every change is written to the audit log (who, when, what).</summary>
public interface IAudited
{
    /// <summary>The entity's id as it appears in the audit log.</summary>
    string AuditId { get; }

    /// <summary>Properties whose values never enter the log (password hashes, secrets); a change shows as "(changed)".</summary>
    IReadOnlyCollection<string> RedactedProperties => [];

    /// <summary>
    /// The name of the transition being saved ("Published", "Awarded"), taken once by the audit log;
    /// null for a plain Created, Updated or Deleted.
    /// </summary>
    string? TakeAuditAction() => null;
}

/// <summary>
/// For entities the service does not own the class of (ASP.NET Core Identity's user-role link):
/// <c>entity.HasAnnotation(AuditModel.Audited, true)</c> puts their changes in the audit log too, keyed by their primary key.
/// </summary>
public static class AuditModel
{
    public const string Audited = "Marketplace:Audited";
}
