using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.ServiceDefaults.Data;

/// <summary>Small lists of records (KPIs, deployment references, team roles) stored as one JSON text column on both providers.</summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static ValueConverter<T, string> Converter<T>()
        where T : new() =>
        new(v => JsonSerializer.Serialize(v, s_json), v => JsonSerializer.Deserialize<T>(v, s_json) ?? new T());

    public static ValueComparer<List<T>> Comparer<T>() =>
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList());
}
