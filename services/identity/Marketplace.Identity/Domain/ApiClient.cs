using Marketplace.ServiceDefaults.Auditing;

namespace Marketplace.Identity.Domain;

/// <summary>
/// A department's or vendor's own system calling the API with the client_credentials grant. It acts
/// for its organisation with the organisation's role; only the secret's hash is kept.
/// </summary>
public sealed class ApiClient : IAudited
{
    private ApiClient()
    {
    }

    public Guid Id { get; private set; }

    public string ClientId { get; private set; } = "";

    public string SecretHash { get; private set; } = "";

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public string Role { get; private set; } = "";

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string AuditId => ClientId;

    public IReadOnlyCollection<string> RedactedProperties => [nameof(SecretHash)];

    public static (ApiClient Client, string Secret) Create(Guid organisationId, string name, string role, string createdBy, DateTimeOffset now)
    {
        var secret = Secrets.NewCode();
        return (new ApiClient
        {
            Id = Guid.NewGuid(),
            ClientId = "client-" + Guid.NewGuid().ToString("N")[..16],
            SecretHash = Secrets.Hash(secret),
            OrganisationId = organisationId,
            Name = name.Trim(),
            Role = role,
            CreatedBy = createdBy,
            CreatedAt = now,
        }, secret);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
