using System.Text.Json.Serialization;

namespace Marketplace.Contracts.Talent;

/// <summary>The seniority levels of a skill or a team role, lowest first (the ones matching accepts for proposals' team roles).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Seniority>))]
public enum Seniority
{
    Junior,
    Mid,
    Senior,
    Lead,
    Principal,
}
