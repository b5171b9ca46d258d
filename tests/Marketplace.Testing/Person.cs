namespace Marketplace.Testing;

/// <summary>Someone who signs in: what an invitation's acceptance or a vendor's registration sends for them.</summary>
public sealed record Person(string Email, string Name, string Password, string Locale = "en");
