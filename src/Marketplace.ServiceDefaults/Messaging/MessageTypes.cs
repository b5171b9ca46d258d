using System.Collections.Frozen;
using Marketplace.Contracts.Identity;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>
/// The one map between a contract's CLR type and the stable name stored with it in the outbox:
/// the owning service (the namespace under <c>Marketplace.Contracts</c>) and the record's name,
/// such as <c>catalogue.ScenarioPublished</c>. Moving a contract to another assembly or renaming its
/// assembly leaves the stored names valid; renaming a contract itself is a change of contract.
/// </summary>
public static class MessageTypes
{
    private const string ContractsNamespace = "Marketplace.Contracts.";

    private static readonly FrozenDictionary<Type, string> s_names = typeof(TokensRevoked).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsNested: false, IsGenericTypeDefinition: false }
            && t.Namespace is { } ns && ns.StartsWith(ContractsNamespace, StringComparison.Ordinal) && !ns[ContractsNamespace.Length..].Contains('.'))
        .ToFrozenDictionary(t => t, t => $"{t.Namespace![ContractsNamespace.Length..].ToLowerInvariant()}.{t.Name}");

    // ToFrozenDictionary throws on a duplicate key: two contracts may not share a stable name.
    private static readonly FrozenDictionary<string, Type> s_types = s_names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    // Rows written before stable names stored "Namespace.Type, Assembly"; they resolve by full name.
    private static readonly FrozenDictionary<string, Type> s_legacy = s_names.Keys.ToFrozenDictionary(t => t.FullName!, t => t, StringComparer.Ordinal);

    /// <summary>Every contract type with its stable name.</summary>
    public static IReadOnlyDictionary<Type, string> All => s_names;

    /// <summary>The stable name of a contract; anything else cannot be stored as an event.</summary>
    public static string NameOf(Type type) =>
        s_names.TryGetValue(type, out var name)
            ? name
            : throw new ArgumentException($"{type.FullName} is not a contract in Marketplace.Contracts.<Service>; only contracts travel as events.", nameof(type));

    /// <summary>The contract type a stored name stands for (a stable name, or an older assembly-qualified one), or null.</summary>
    public static Type? Resolve(string storedName)
    {
        if (s_types.TryGetValue(storedName, out var type))
        {
            return type;
        }
        var comma = storedName.IndexOf(',', StringComparison.Ordinal);
        var fullName = (comma < 0 ? storedName : storedName[..comma]).Trim();
        return s_legacy.GetValueOrDefault(fullName);
    }
}
