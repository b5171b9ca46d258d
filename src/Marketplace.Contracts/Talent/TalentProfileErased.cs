namespace Marketplace.Contracts.Talent;

/// <summary>A talent deleted their profile: consumers holding anything about <paramref name="TalentId"/> erase it too.</summary>
public sealed record TalentProfileErased(Guid TalentId, DateTimeOffset ErasedAt);
