using System.Text.Json;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplace.ServiceDefaults.Auditing;

/// <summary>
/// Adds an audit entry for every added, modified or deleted <see cref="IAudited"/> entity to the same
/// SaveChanges, so the log can neither miss a committed change nor record one that rolled back.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider time) : SaveChangesInterceptor
{
    private const int MaxValueLength = 500;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            AddEntries(context);
        }
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            AddEntries(context);
        }
        return result;
    }

    private void AddEntries(DbContext context)
    {
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited || e.Metadata.FindAnnotation(AuditModel.Audited) is not null)
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }
        var actor = Actor();
        var now = time.GetUtcNow();
        foreach (var entry in changed)
        {
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }
            var action = (entry.Entity as IAudited)?.TakeAuditAction() ?? ActionOf(entry.State);
            context.Add(new AuditEntry(now, actor, EntityName(entry), AuditIdOf(entry), action,
                JsonSerializer.Serialize(changes), CorrelationId.Current));
        }
    }

    private AuditActor Actor()
    {
        var user = http.HttpContext?.User;
        return user?.Identity?.IsAuthenticated == true
            ? new AuditActor(user.UserId() ?? "unknown", user.Identity.Name, user.OrganisationId())
            : AuditCause.Current is { } cause ? AuditActor.System with { UserName = cause } : AuditActor.System;
    }

    private static string ActionOf(EntityState state) => state switch
    {
        EntityState.Added => "Created",
        EntityState.Deleted => "Deleted",
        _ => "Updated",
    };

    private static string EntityName(EntityEntry entry) =>
        entry.Metadata.ClrType.IsGenericType ? entry.Metadata.ClrType.Name.Split('`')[0] : entry.Metadata.ClrType.Name;

    private static string AuditIdOf(EntityEntry entry) => entry.Entity is IAudited audited
        ? audited.AuditId
        : string.Join(":", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));

    private static Dictionary<string, object?> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        var redacted = (entry.Entity as IAudited)?.RedactedProperties ?? [];
        foreach (var property in entry.Properties)
        {
            if (redacted.Contains(property.Metadata.Name))
            {
                if (entry.State != EntityState.Modified || property.IsModified)
                {
                    changes[property.Metadata.Name] = "(changed)";
                }
            }
            else if (entry.State == EntityState.Added)
            {
                changes[property.Metadata.Name] = Shorten(property.CurrentValue);
            }
            else if (entry.State == EntityState.Deleted)
            {
                changes[property.Metadata.Name] = Shorten(property.OriginalValue);
            }
            else if (property.IsModified && !Equals(Format(property.OriginalValue), Format(property.CurrentValue)))
            {
                changes[property.Metadata.Name] = new { from = Shorten(property.OriginalValue), to = Shorten(property.CurrentValue) };
            }
        }
        return changes;
    }

    /// <summary>Readable text: lists joined, records as their named values, never a type's ToString() ("Kpi { NameEn = … }").</summary>
    private static string? Format(object? value) => value switch
    {
        null => null,
        System.Collections.IEnumerable items and not string => string.Join(IsSimple(items.GetType()) ? "," : "; ", items.Cast<object?>().Select(Format)),
        _ when IsSimple(value.GetType()) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => string.Join(", ", value.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => $"{p.Name}: {Format(p.GetValue(value))}")),
    };

    private static bool IsSimple(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type.IsGenericType && type.GetGenericArguments() is [var only] ? only : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element.IsPrimitive || element.IsEnum || element == typeof(string) || element == typeof(decimal) || element == typeof(Guid)
            || element == typeof(DateTimeOffset) || element == typeof(DateTime) || element == typeof(TimeSpan) || element == typeof(DateOnly);
    }

    private static string? Shorten(object? value) =>
        Format(value) is { Length: > MaxValueLength } text ? text[..MaxValueLength] + "…" : Format(value);
}
